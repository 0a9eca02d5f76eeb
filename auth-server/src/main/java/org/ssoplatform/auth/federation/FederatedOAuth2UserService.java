package org.ssoplatform.auth.federation;

import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Plain OAuth2 providers. GitHub ({@code github*} registrations) gets its e-mail from the e-mails API;
 * any other provider's {@code email} is verified only if it says so ({@code email_verified}) and is
 * trusted to ({@link FederationProperties}); otherwise it never links.
 */
class FederatedOAuth2UserService implements OAuth2UserService<OAuth2UserRequest, OAuth2User> {

    private final DefaultOAuth2UserService delegate;

    private final FederationProperties properties;

    private final GitHubEmails gitHubEmails;

    FederatedOAuth2UserService(FederationProperties properties, DefaultOAuth2UserService userInfo,
            GitHubEmails gitHubEmails) {
        this.delegate = userInfo;
        this.properties = properties;
        this.gitHubEmails = gitHubEmails;
    }

    @Override
    public OAuth2User loadUser(OAuth2UserRequest request) {
        OAuth2User user = delegate.loadUser(request);
        String registrationId = request.getClientRegistration().getRegistrationId();
        String profileEmail = user.getAttribute("email");
        GitHubEmails.Choice email = GitHubEmails.isGitHub(registrationId) ? gitHubEmails.choose(request, profileEmail)
                : new GitHubEmails.Choice(profileEmail, Boolean.TRUE.equals(user.getAttribute("email_verified")));
        boolean verified = email.verified() && properties.trustsEmailVerified(registrationId);
        String name = user.getAttribute("name") != null ? user.getAttribute("name") : user.getAttribute("login");
        Object avatar = user.getAttribute("avatar_url") != null ? user.getAttribute("avatar_url") : user.getAttribute("picture");
        FederatedIdentity identity = new FederatedIdentity(registrationId, user.getName(), email.email(), verified, name,
                avatar == null ? null : avatar.toString());
        return new ProviderUser.OAuth2(user.getAuthorities(), user.getAttributes(),
                request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName(),
                identity);
    }
}
