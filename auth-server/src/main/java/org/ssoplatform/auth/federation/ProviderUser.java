package org.ssoplatform.auth.federation;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * A provider's user as the user services read it, before {@link FederatedSignIn} decides which of our
 * users it is: that decision needs the authorization request (a link is bound to it), which the user
 * services do not see. Never stored: the signed-in principal is built by {@link PlatformPrincipals}.
 */
interface ProviderUser extends OAuth2User {

    FederatedIdentity identity();

    final class Oidc extends DefaultOidcUser implements ProviderUser {

        private final transient FederatedIdentity identity;

        Oidc(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
                FederatedIdentity identity) {
            super(authorities, idToken, userInfo);
            this.identity = identity;
        }

        @Override
        public FederatedIdentity identity() {
            return identity;
        }
    }

    final class OAuth2 extends DefaultOAuth2User implements ProviderUser {

        private final transient FederatedIdentity identity;

        OAuth2(Collection<? extends GrantedAuthority> authorities, Map<String, Object> attributes,
                String nameAttributeKey, FederatedIdentity identity) {
            super(authorities, attributes, nameAttributeKey);
            this.identity = identity;
        }

        @Override
        public FederatedIdentity identity() {
            return identity;
        }
    }
}
