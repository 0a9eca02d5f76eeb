package org.ssoplatform.auth.token;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.ResourceServerView;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard endpoints end to end: client credentials, code + PKCE through federation, refresh rotation. */
class TokenFlowTests extends AuthServerFlow {

    static final String CLI_CALLBACK = "http://127.0.0.1:8765/callback";

    static final String PORTAL_CALLBACK = PortalSignIn.CALLBACK;

    static final String PORTAL_SECRET = PortalSignIn.SECRET;

    final OAuthClient client = new OAuthClient(BASE);

    final JwtDecoder resourceServer = ResourceServerView.of(BASE);

    @Test
    void clientCredentialsTokenNamesTheClientAndCarriesNoUserGrants() {
        Jwt token = resourceServer.decode(client.clientCredentialsToken());

        assertThat(token.getSubject()).isEqualTo("gateway");
        assertThat(token.getClaimAsString("auth_type")).isEqualTo("CLIENT");
        assertThat(token.getClaimAsStringList("roles")).isEmpty();
        assertThat(token.getClaimAsStringList("permissions")).isEmpty();
        assertThat(token.getAudience()).containsExactly("platform-api");
        assertThat(token.getExpiresAt()).isBefore(token.getIssuedAt().plusSeconds(15 * 60 + 1));
        assertThat(token.getId()).isNotBlank();
    }

    @Test
    void wrongClientSecretIs401InvalidClient() {
        ResponseEntity<Map<String, Object>> response = client.token("gateway", "not-the-secret",
                Map.of("grant_type", "client_credentials"));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).containsEntry("error", "invalid_client");
    }

    @Test
    void aTokenRequestWithoutClientCredentialsIs401InvalidClient() {
        ResponseEntity<Map<String, Object>> response = client.token("gateway", null,
                Map.of("grant_type", "client_credentials"));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).isEqualTo(Map.of("error", "invalid_client"));
    }

    @Test
    void publicClientCodeFlowWithPkceGivesUserTokensButNoRefreshToken() {
        ProviderStandIns.nextGoogleUser("g-code", "code.flow@tokens.test", true, "Code Flow");
        String verifier = "verifier-" + "x".repeat(50);
        String code = authorize("cli", CLI_CALLBACK, verifier, "n-123");

        Map<String, Object> tokens = client.token("cli", null, Map.of("grant_type", "authorization_code", "client_id", "cli",
                "code", code, "redirect_uri", CLI_CALLBACK, "code_verifier", verifier)).getBody();

        assertThat(tokens).containsKeys("access_token", "id_token").doesNotContainKey("refresh_token");
        Jwt access = resourceServer.decode((String) tokens.get("access_token"));
        assertThat(access.getClaimAsString("email")).isEqualTo("code.flow@tokens.test");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("user");
        assertThat(access.getClaimAsString("auth_type")).isEqualTo("JWT");
        Jwt id = NimbusJwtDecoder.withJwkSetUri(BASE + "/oauth2/jwks").build().decode((String) tokens.get("id_token"));
        assertThat(id.getClaimAsString("nonce")).isEqualTo("n-123");
        assertThat(id.getClaimAsString("email")).isEqualTo("code.flow@tokens.test");
        assertThat(id.getAudience()).containsExactly("cli");
    }

    @Test
    void aCodeCannotBeRedeemedWithTheWrongVerifier() {
        ProviderStandIns.nextGoogleUser("g-verifier", "verifier@tokens.test", true, "Verifier");
        String code = authorize("cli", CLI_CALLBACK, "right-verifier-" + "y".repeat(40), "n-1");

        ResponseEntity<Map<String, Object>> response = client.token("cli", null, Map.of("grant_type",
                "authorization_code", "client_id", "cli", "code", code, "redirect_uri", CLI_CALLBACK, "code_verifier",
                "wrong-verifier-" + "z".repeat(40)));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void refreshTokensRotateAndAUsedOneIsRefused() {
        ProviderStandIns.nextGoogleUser("g-refresh", "refresh@tokens.test", true, "Refresh");
        String verifier = "portal-verifier-" + "r".repeat(40);
        String code = authorize("portal", PORTAL_CALLBACK, verifier, "n-9");
        String refresh = (String) client.token("portal", PORTAL_SECRET, Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", PORTAL_CALLBACK, "code_verifier", verifier)).getBody().get("refresh_token");

        Map<String, Object> refreshed = client.token("portal", PORTAL_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", refresh)).getBody();

        assertThat(refreshed.get("refresh_token")).isNotNull().isNotEqualTo(refresh);
        assertThat(resourceServer.decode((String) refreshed.get("access_token")).getClaimAsString("email"))
            .isEqualTo("refresh@tokens.test");
        ResponseEntity<Map<String, Object>> reuse = client.token("portal", PORTAL_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(reuse.getStatusCode().value()).isEqualTo(400);
        assertThat(reuse.getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void aPublicClientWithoutPkceIsRefused() {
        HttpResponse<String> response = new Browser().open(BASE + "/oauth2/authorize?response_type=code&client_id=cli"
                + "&redirect_uri=" + CLI_CALLBACK + "&scope=openid&state=s1", CLI_CALLBACK);

        assertThat(response.headers().firstValue("Location").orElse("")).startsWith(CLI_CALLBACK)
            .contains("error=invalid_request")
            .doesNotContain("code=");
    }

    @Test
    void aRedirectUriThatIsNotRegisteredExactlyGetsNoRedirect() {
        HttpResponse<String> response = new Browser().open(BASE + "/oauth2/authorize?response_type=code&client_id=cli"
                + "&redirect_uri=" + CLI_CALLBACK + "/evil&scope=openid&state=s1&code_challenge=abc&code_challenge_method=S256",
                CLI_CALLBACK);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    /** Runs the browser part of the code flow (login through the Google stand-in); returns the code. */
    private String authorize(String clientId, String callback, String verifier, String nonce) {
        Browser browser = new Browser();
        String authorize = BASE + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + callback + "&scope=openid%20profile%20email&state=st-1&nonce=" + nonce + "&code_challenge="
                + OAuthClient.s256(verifier) + "&code_challenge_method=S256";
        HttpResponse<String> loginPage = browser.open(authorize, callback);
        assertThat(loginPage.body()).contains("/oauth2/authorization/google");
        HttpResponse<String> redirect = browser.open(BASE + "/oauth2/authorization/google", callback);
        Map<String, String> query = UriComponentsBuilder.fromUri(URI.create(redirect.headers().firstValue("Location").orElseThrow()))
            .build()
            .getQueryParams()
            .toSingleValueMap();
        assertThat(query).containsEntry("state", "st-1");
        return query.get("code");
    }
}
