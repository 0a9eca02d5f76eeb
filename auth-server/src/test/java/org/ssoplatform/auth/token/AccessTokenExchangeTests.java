package org.ssoplatform.auth.token;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The only token exchange is the API key's: a client holding the token-exchange grant (the gateway)
 * cannot trade an access token it saw for one of its own, unless it is configured to.
 */
class AccessTokenExchangeTests extends AuthServerFlow {

    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

    private final OAuthClient client = new OAuthClient(BASE);

    @Test
    void theGatewayCannotExchangeAUsersAccessTokenForAnother() {
        String subject = PortalSignIn.as(BASE, "g-exchange-1", "exchange.one@tokens.test", "Ex One", "openid profile email")
            .accessToken();

        ResponseEntity<Map<String, Object>> response = exchange("gateway", OAuthClient.GATEWAY_SECRET, subject);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "unauthorized_client").doesNotContainKey("access_token");
    }

    @Test
    void aClientConfiguredForAccessTokenExchangeMayExchange() {
        String subject = PortalSignIn.as(BASE, "g-exchange-2", "exchange.two@tokens.test", "Ex Two", "openid profile email")
            .accessToken();

        ResponseEntity<Map<String, Object>> response = exchange("exchanger", EXCHANGER_SECRET, subject);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsKey("access_token");
    }

    /** The {@code exchanger} client of application-test.yml. */
    static final String EXCHANGER_SECRET = "0f7e3c9a1b5d2e8f4a6c0b9d3e7f1a5c8b2d6e0f4a9c3b7d1e5f8a2c6b0d4e9f";

    private ResponseEntity<Map<String, Object>> exchange(String clientId, String secret, String subject) {
        return client.token(clientId, secret, Map.of("grant_type", TOKEN_EXCHANGE, "subject_token", subject,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token"));
    }
}
