package org.ssoplatform.auth.token;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.support.ResourceServerView;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 7662 introspection and RFC 7009 revocation, as the gateway and the portal call them. */
class IntrospectionAndRevocationTests extends AuthServerFlow {

    static final String GATEWAY_SECRET = OAuthClient.GATEWAY_SECRET;

    static final String PORTAL_SECRET = PortalSignIn.SECRET;

    final OAuthClient client = new OAuthClient(BASE);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anActiveUserAccessTokenIsDescribedToTheGateway() {
        PortalSignIn signIn = signIn("g-introspect", "introspect@tokens.test");
        Jwt jwt = ResourceServerView.of(BASE).decode(signIn.accessToken());

        ResponseEntity<Map<String, Object>> response = client.introspect("gateway", GATEWAY_SECRET, signIn.accessToken());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        // The gateway may introspect any token (introspects-any-token): it learns about the portal's token.
        assertThat(response.getBody()).containsEntry("active", true)
            .containsEntry("sub", jwt.getSubject())
            .containsEntry("client_id", "portal")
            .containsEntry("token_type", "Bearer")
            .containsEntry("email", "introspect@tokens.test")
            .containsEntry("auth_type", "JWT");
        assertThat(((Number) response.getBody().get("exp")).longValue()).isEqualTo(jwt.getExpiresAt().getEpochSecond());
        assertThat(((String) response.getBody().get("scope")).split(" ")).containsExactlyInAnyOrder("openid",
                "profile", "email");
    }

    @Test
    void aClientMayIntrospectItsOwnTokens() {
        PortalSignIn signIn = signIn("p-introspect", "own.introspect@tokens.test");

        assertThat(client.introspect("portal", PortalSignIn.SECRET, signIn.accessToken()).getBody())
            .containsEntry("active", true)
            .containsEntry("client_id", "portal");
        assertThat(client.introspect("portal", PortalSignIn.SECRET, signIn.refreshToken()).getBody())
            .containsEntry("active", true);
    }

    @Test
    void anotherClientsTokenIsInactiveToAClientThatMayNotIntrospectAnyToken() {
        String gatewayToken = client.clientCredentialsToken();

        ResponseEntity<Map<String, Object>> response = client.introspect("portal", PortalSignIn.SECRET, gatewayToken);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(Map.of("active", false));
        assertThat(client.introspect("gateway", GATEWAY_SECRET, gatewayToken).getBody()).containsEntry("active", true);
    }

    @Test
    void aClientCredentialsTokenIsDescribedWithTheClientAsSubject() {
        String token = (String) client.token("gateway", GATEWAY_SECRET,
                Map.of("grant_type", "client_credentials", "scope", "platform.api")).getBody().get("access_token");

        Map<String, Object> description = client.introspect("gateway", GATEWAY_SECRET, token).getBody();

        assertThat(description).containsEntry("active", true)
            .containsEntry("sub", "gateway")
            .containsEntry("client_id", "gateway")
            .containsEntry("scope", "platform.api")
            .containsEntry("token_type", "Bearer")
            .containsKey("exp");
    }

    @Test
    void clientCredentialsTokensAreNotStoredYetStillIntrospectable() {
        long stored = storedAuthorizations();

        String token = client.clientCredentialsToken();

        assertThat(storedAuthorizations()).isEqualTo(stored);
        assertThat(client.introspect("gateway", GATEWAY_SECRET, token).getBody()).containsEntry("active", true)
            .containsEntry("sub", "gateway");
    }

    @Test
    void aRevokedClientCredentialsTokenIsReportedInactive() {
        String token = client.clientCredentialsToken();

        assertThat(client.revoke("gateway", GATEWAY_SECRET, token).getStatusCode().value()).isEqualTo(200);

        assertThat(client.introspect("gateway", GATEWAY_SECRET, token).getBody()).isEqualTo(Map.of("active", false));
        assertThat(client.introspect("gateway", GATEWAY_SECRET, client.clientCredentialsToken()).getBody())
            .containsEntry("active", true);
    }

    @Test
    void aClientCannotRevokeAnotherClientsClientCredentialsToken() {
        String token = client.clientCredentialsToken();

        ResponseEntity<Map<String, Object>> response = client.revoke("portal", PORTAL_SECRET, token);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "invalid_client");
        assertThat(client.introspect("gateway", GATEWAY_SECRET, token).getBody()).containsEntry("active", true);
    }

    @Test
    void aRefreshTokenIsActiveUntilItIsRotated() {
        PortalSignIn signIn = signIn("g-introspect-refresh", "introspect.refresh@tokens.test");

        Map<String, Object> description = client.introspect("gateway", GATEWAY_SECRET, signIn.refreshToken()).getBody();

        assertThat(description).containsEntry("active", true).containsEntry("client_id", "portal").containsKey("exp");
        client.token("portal", PORTAL_SECRET, Map.of("grant_type", "refresh_token", "refresh_token", signIn.refreshToken()));
        assertThat(client.introspect("gateway", GATEWAY_SECRET, signIn.refreshToken()).getBody())
            .isEqualTo(Map.of("active", false));
    }

    @Test
    void anUnknownTokenIsInactive() {
        ResponseEntity<Map<String, Object>> response = client.introspect("gateway", GATEWAY_SECRET, "no-such-token");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo(Map.of("active", false));
    }

    @Test
    void aTamperedTokenIsInactive() {
        String token = client.clientCredentialsToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(client.introspect("gateway", GATEWAY_SECRET, tampered).getBody()).isEqualTo(Map.of("active", false));
    }

    @Test
    void introspectionWithoutClientAuthenticationIs401InvalidClient() {
        String token = client.clientCredentialsToken();

        ResponseEntity<Map<String, Object>> response = client.introspect("gateway", null, token);

        // RFC 6749 5.2, as for a wrong secret: an OAuth error, not a bearer-token challenge.
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).isEqualTo(Map.of("error", "invalid_client"));
        assertThat(response.getHeaders().getOrEmpty("WWW-Authenticate")).noneMatch(value -> value.startsWith("Bearer"));
    }

    @Test
    void introspectionWithTheWrongSecretIs401InvalidClient() {
        String token = client.clientCredentialsToken();

        ResponseEntity<Map<String, Object>> response = client.introspect("gateway", "not-the-secret", token);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).containsEntry("error", "invalid_client");
    }

    @Test
    void revokedRefreshTokenCannotBeUsed() {
        PortalSignIn signIn = signIn("g-revoke-refresh", "revoke.refresh@tokens.test");

        assertThat(client.revoke("portal", PORTAL_SECRET, signIn.refreshToken()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<Map<String, Object>> refresh = client.token("portal", PORTAL_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", signIn.refreshToken()));
        assertThat(refresh.getStatusCode().value()).isEqualTo(400);
        assertThat(refresh.getBody()).containsEntry("error", "invalid_grant");
        // Revoking the refresh token ends the whole grant: its access token is inactive too.
        assertThat(client.introspect("gateway", GATEWAY_SECRET, signIn.accessToken()).getBody())
            .isEqualTo(Map.of("active", false));
    }

    @Test
    void revokedAccessTokenIsReportedInactiveButTheRefreshTokenStillWorks() {
        PortalSignIn signIn = signIn("g-revoke-access", "revoke.access@tokens.test");

        assertThat(client.revoke("portal", PORTAL_SECRET, signIn.accessToken()).getStatusCode().value()).isEqualTo(200);

        assertThat(client.introspect("gateway", GATEWAY_SECRET, signIn.accessToken()).getBody())
            .isEqualTo(Map.of("active", false));
        // Self-contained: a resource server checking only the signature accepts it until it expires.
        assertThat(ResourceServerView.of(BASE).decode(signIn.accessToken()).getSubject()).isNotBlank();
        ResponseEntity<Map<String, Object>> refresh = client.token("portal", PORTAL_SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", signIn.refreshToken()));
        assertThat(refresh.getStatusCode().value()).isEqualTo(200);
        assertThat(client.introspect("gateway", GATEWAY_SECRET, (String) refresh.getBody().get("access_token")).getBody())
            .containsEntry("active", true);
    }

    @Test
    void aClientCannotRevokeAnotherClientsToken() {
        PortalSignIn signIn = signIn("g-revoke-other", "revoke.other@tokens.test");

        ResponseEntity<Map<String, Object>> response = client.revoke("gateway", GATEWAY_SECRET, signIn.refreshToken());

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "invalid_client");
        assertThat(client.introspect("gateway", GATEWAY_SECRET, signIn.refreshToken()).getBody())
            .containsEntry("active", true);
    }

    @Test
    void revokingAnUnknownTokenAnswers200() {
        ResponseEntity<Map<String, Object>> response = client.revoke("gateway", GATEWAY_SECRET, "no-such-token");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void revocationWithoutClientAuthenticationIs401InvalidClient() {
        String token = client.clientCredentialsToken();

        ResponseEntity<Map<String, Object>> response = client.revoke("gateway", null, token);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).isEqualTo(Map.of("error", "invalid_client"));
        assertThat(response.getHeaders().getOrEmpty("WWW-Authenticate")).noneMatch(value -> value.startsWith("Bearer"));
        assertThat(client.introspect("gateway", GATEWAY_SECRET, token).getBody()).containsEntry("active", true);
    }

    private long storedAuthorizations() {
        return jdbc.queryForObject("SELECT count(*) FROM oauth2_authorization", Long.class);
    }

    private PortalSignIn signIn(String subject, String email) {
        return PortalSignIn.as(BASE, subject, email, "Token Person", "openid profile email");
    }
}
