package org.ssoplatform.auth.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A person signed in to the portal client: the browser that went through the Google stand-in (it keeps
 * the auth-server session) and the tokens the portal redeemed for the authorization code.
 */
public record PortalSignIn(Browser browser, Map<String, Object> tokens) {

    public static final String CALLBACK = "http://localhost:8080/portal/login/oauth2/code/portal";

    public static final String SECRET = "9c9f1fdb6574f8c1133d7af551030b87ed18e0b07f4fbf3431c5ea303af2088e";

    public static final String VERIFIER = "portal-sign-in-verifier-" + "v".repeat(40);

    /**
     * Signs in the Google user {@code subject} (verified e-mail, name, and the stand-in's picture
     * {@code https://avatars.example/<subject>}) and asks for {@code scope}.
     */
    public static PortalSignIn as(String base, String subject, String email, String name, String scope) {
        return as(base, subject, email, true, name, scope);
    }

    /** As above, with Google saying whether it verified the e-mail. */
    public static PortalSignIn as(String base, String subject, String email, boolean emailVerified, String name,
            String scope) {
        ProviderStandIns.nextGoogleUser(subject, email, emailVerified, name);
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.open(authorizeUrl(base, scope), CALLBACK);
        if (!loginPage.body().contains("/oauth2/authorization/google")) {
            throw new IllegalStateException("Expected the login page, got " + loginPage.statusCode());
        }
        String code = code(browser.open(base + "/oauth2/authorization/google", CALLBACK));
        Map<String, Object> tokens = new OAuthClient(base).token("portal", SECRET, Map.of("grant_type",
                "authorization_code", "code", code, "redirect_uri", CALLBACK, "code_verifier", VERIFIER)).getBody();
        return new PortalSignIn(browser, tokens);
    }

    public static String authorizeUrl(String base, String scope) {
        return base + "/oauth2/authorize?response_type=code&client_id=portal&redirect_uri=" + CALLBACK + "&scope="
                + scope.replace(" ", "%20") + "&state=st-portal&nonce=n-portal&code_challenge="
                + OAuthClient.s256(VERIFIER) + "&code_challenge_method=S256";
    }

    /** The code in a redirect to the portal's callback, or null when the response is no such redirect. */
    public static String code(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.startsWith(CALLBACK)) {
            return null;
        }
        return UriComponentsBuilder.fromUri(URI.create(location)).build().getQueryParams().getFirst("code");
    }

    public String accessToken() {
        return (String) tokens.get("access_token");
    }

    public String refreshToken() {
        return (String) tokens.get("refresh_token");
    }

    public String idToken() {
        return (String) tokens.get("id_token");
    }
}
