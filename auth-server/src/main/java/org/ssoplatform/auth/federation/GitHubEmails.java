package org.ssoplatform.auth.federation;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * GitHub's e-mail API ({@code GET <api>/user/emails}), found beside the configured user-info URI so
 * GitHub Enterprise and test stand-ins work with no extra setting.
 */
class GitHubEmails {

    record Email(String email, boolean primary, boolean verified) {
    }

    record Choice(String email, boolean verified) {
    }

    private final RestClient http;

    GitHubEmails(RestClient http) {
        this.http = http;
    }

    /** GitHub and GitHub Enterprise registrations: {@code github}, {@code github-enterprise}... */
    static boolean isGitHub(String registrationId) {
        return registrationId.startsWith("github");
    }

    /** The profile e-mail if GitHub verified it, else the primary verified one, else any verified one. */
    Choice choose(OAuth2UserRequest request, String profileEmail) {
        List<Email> emails = fetch(request);
        return emails.stream()
            .filter(e -> e.verified() && e.email().equalsIgnoreCase(profileEmail == null ? "" : profileEmail))
            .findFirst()
            .or(() -> emails.stream().filter(e -> e.verified() && e.primary()).findFirst())
            .or(() -> emails.stream().filter(Email::verified).findFirst())
            .map(e -> new Choice(e.email(), true))
            .orElse(new Choice(profileEmail, false));
    }

    private List<Email> fetch(OAuth2UserRequest request) {
        String userInfoUri = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint().getUri();
        try {
            List<Email> emails = http.get()
                .uri(userInfoUri.replaceAll("/+$", "") + "/emails")
                .headers(h -> h.setBearerAuth(request.getAccessToken().getTokenValue()))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Email>>() {
                });
            return emails == null ? List.of() : emails;
        }
        catch (RestClientException ex) {
            // Without the e-mails scope we still know the profile e-mail, just not that it is verified.
            return List.of();
        }
    }
}
