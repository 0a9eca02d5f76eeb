package org.ssoplatform.auth.federation;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** OIDC providers (Google, Entra ID, Okta, the local stand-in): the id token's claims decide. */
class FederatedOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();

    private final UserProvisioner provisioner;

    FederatedOidcUserService(UserProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        FederatedIdentity identity = new FederatedIdentity(request.getClientRegistration().getRegistrationId(),
                user.getSubject(), user.getEmail(), Boolean.TRUE.equals(user.getEmailVerified()), user.getFullName(),
                user.getPicture());
        return PlatformPrincipals.oidc(provisioner.provision(identity, LinkIntent.consume()), user);
    }
}
