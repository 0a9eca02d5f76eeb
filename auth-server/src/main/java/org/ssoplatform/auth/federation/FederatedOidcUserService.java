package org.ssoplatform.auth.federation;

import java.util.Set;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.util.StringUtils;

/**
 * OIDC providers (Google, Entra ID, Okta, the local stand-in): the id token's claims decide. Its
 * {@code email_verified} counts only for a provider trusted to verify e-mails ({@link FederationProperties}).
 */
class FederatedOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Everything a user is provisioned from. */
    private static final Set<String> PROFILE = Set.of(StandardClaimNames.EMAIL, StandardClaimNames.EMAIL_VERIFIED,
            StandardClaimNames.NAME, StandardClaimNames.PICTURE);

    private final OidcUserService delegate = new OidcUserService();

    private final FederationProperties properties;

    FederatedOidcUserService(FederationProperties properties, DefaultOAuth2UserService userInfo) {
        this.properties = properties;
        this.delegate.setOauth2UserService(userInfo);
        this.delegate.setRetrieveUserInfo(FederatedOidcUserService::needsUserInfo);
    }

    /**
     * Google puts the whole profile into its (verified, signed) ID token: asking the userinfo endpoint
     * too would cost a round trip per sign-in for the same claims. Providers whose ID tokens are thinner
     * (Entra ID without optional claims, for one) are still asked.
     */
    static boolean needsUserInfo(OidcUserRequest request) {
        return StringUtils.hasText(request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri())
                && !request.getIdToken().getClaims().keySet().containsAll(PROFILE);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        boolean verified = Boolean.TRUE.equals(user.getEmailVerified()) && properties.trustsEmailVerified(provider);
        FederatedIdentity identity = new FederatedIdentity(provider, user.getSubject(), user.getEmail(), verified,
                user.getFullName(), user.getPicture());
        return new ProviderUser.Oidc(user.getAuthorities(), user.getIdToken(), user.getUserInfo(), identity);
    }
}
