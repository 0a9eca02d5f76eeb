package org.ssoplatform.auth.federation;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Re-names a provider's user by our user id. Standard principal types are kept (not a class of
 * our own) so the authorization server can store and restore them with its own JSON mapping.
 */
final class PlatformPrincipals {

    /** The attribute holding our user id; the principal's name. */
    public static final String USER_ID = "platform_user_id";


    private PlatformPrincipals() {
    }

    /** The sign-in factor and its time: the {@code auth_time} of the ID tokens issued afterwards. */
    private static List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("FEDERATED_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                    .issuedAt(Instant.now())
                    .build());
    }

    static OidcUser oidc(long userId, OidcUser user) {
        Map<String, Object> claims = new HashMap<>(user.getUserInfo() != null ? user.getUserInfo().getClaims() : Map.of());
        claims.put("sub", user.getSubject());
        claims.put(USER_ID, Long.toString(userId));
        return new DefaultOidcUser(authorities(), user.getIdToken(), new OidcUserInfo(claims), USER_ID);
    }

    static OAuth2User oauth2(long userId, OAuth2User user) {
        Map<String, Object> attributes = new HashMap<>(user.getAttributes());
        attributes.put(USER_ID, Long.toString(userId));
        return new DefaultOAuth2User(authorities(), attributes, USER_ID);
    }
}
