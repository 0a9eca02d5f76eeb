package org.ssoplatform.auth.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.ClientRegistration;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A registered client gets tokens with its secret at once; rotation answers a new secret, and the old one works
 * only for the grace asked for: not at all with 0, until the grace ends otherwise, and never once rotated out a
 * second time.
 */
class ClientSecretRotationTests extends ManagementApiFlow {

    private final ClientRegistration clients = new ClientRegistration(http);

    private String adminToken;

    private String clientId;

    private String firstSecret;

    @BeforeEach
    void aRegisteredService() {
        adminToken = tokenFor(newUser("admin"));
        clientId = unique("rot-");
        firstSecret = clients.register(adminToken, ClientRegistration.service(clientId))
            .path("client_secret").asString();
    }

    @Test
    void aNewlyRegisteredClientGetsAClientCredentialsToken() {
        Http.Response token = http.form("/oauth2/token", clientId, firstSecret,
                "grant_type=client_credentials&scope=reports.read");

        assertThat(token.status()).as(token.body()).isEqualTo(200);
        JsonNode claims = claims(token.json().path("access_token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(clientId);
        assertThat(token.json().path("scope").asString()).isEqualTo("reports.read");
        assertThat(clients.clientCredentials(clientId, firstSecret + "x").status()).isEqualTo(401);
    }

    @Test
    void afterARotationWithoutGraceTheOldSecretIsRefusedAtOnce() {
        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(200);

        JsonNode rotated = rotate(Map.of("grace_seconds", 0));

        String secondSecret = rotated.path("client_secret").asString();
        assertThat(secondSecret).matches("[A-Za-z0-9_-]{43,}").isNotEqualTo(firstSecret);
        assertThat(rotated.path("previous_secret_expires_at").isNull()).isTrue();
        Http.Response old = clients.clientCredentials(clientId, firstSecret);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(clients.clientCredentials(clientId, secondSecret).status()).isEqualTo(200);
    }

    @Test
    void duringTheGraceBothSecretsWorkAndASecondRotationEndsTheFirst() {
        JsonNode rotated = rotate(Map.of("grace_seconds", 120));
        String secondSecret = rotated.path("client_secret").asString();

        assertThat(Instant.parse(rotated.path("previous_secret_expires_at").asString()))
            .isCloseTo(Instant.now().plusSeconds(120), within(30, ChronoUnit.SECONDS));
        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(200);
        assertThat(clients.clientCredentials(clientId, secondSecret).status()).isEqualTo(200);
        assertThat(http.form("/oauth2/token", clientId, "not-the-secret", "grant_type=client_credentials").status())
            .isEqualTo(401);

        String thirdSecret = rotate(Map.of("grace_seconds", 120)).path("client_secret").asString();

        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(401);
        assertThat(clients.clientCredentials(clientId, secondSecret).status()).isEqualTo(200);
        assertThat(clients.clientCredentials(clientId, thirdSecret).status()).isEqualTo(200);
    }

    @Test
    void withoutABodyTheGraceIsThePlatformsDefault() {
        JsonNode rotated = rotate(null);

        assertThat(Instant.parse(rotated.path("previous_secret_expires_at").asString()))
            .isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));
        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(200);
    }

    @Test
    void theOldSecretStopsWhenTheGraceEnds() throws InterruptedException {
        Instant graceEnds = Instant.parse(rotate(Map.of("grace_seconds", 3)).path("previous_secret_expires_at")
            .asString());
        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), graceEnds).toMillis()) + 200);

        assertThat(clients.clientCredentials(clientId, firstSecret).status()).isEqualTo(401);
    }

    private JsonNode rotate(Map<String, ?> body) {
        Http.Response response = http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode claims(String jwt) {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
