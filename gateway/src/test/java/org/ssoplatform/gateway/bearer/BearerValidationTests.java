package org.ssoplatform.gateway.bearer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/** Bearer JWTs are verified at the edge and relayed unchanged. */
class BearerValidationTests extends SharedGateway {

    private static final Duration COOLDOWN = Duration.ofSeconds(2);

    private static final String JWKS = "/oauth2/jwks";

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void expiredJwtIsRejectedWith401InvalidToken() {
        Instant past = Instant.now().minusSeconds(3600);
        String jwt = TestTokens.sign(TestTokens.userClaims(uniqueUser()).issueTime(Date.from(past.minusSeconds(60)))
            .expirationTime(Date.from(past)).build(), TestTokens.KEY);

        expectInvalidToken(call(jwt));
    }

    @Test
    void jwtFromAnotherIssuerIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).issuer("http://evil.test").build(),
                TestTokens.KEY)));
    }

    @Test
    void jwtForAnotherAudienceIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).audience(List.of("other-api")).build(),
                TestTokens.KEY)));
    }

    @Test
    void jwtWithAForgedSignatureIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), TestTokens.FOREIGN_KEY)));
    }

    @Test
    void anAlteredCopyOfAnAcceptedTokenIsStillRejected() {
        String jwt = TestTokens.user(uniqueUser());
        call(jwt).expectStatus().isOk(); // now remembered as verified
        call(jwt).expectStatus().isOk();

        String[] parts = jwt.split("\\.");
        String otherClaims = TestTokens.user(uniqueUser()).split("\\.")[1];
        expectInvalidToken(call(parts[0] + "." + otherClaims + "." + parts[2]));
        int i = jwt.length() - 10; // inside the signature, away from its padding bits
        expectInvalidToken(call(jwt.substring(0, i) + (jwt.charAt(i) == 'A' ? 'B' : 'A') + jwt.substring(i + 1)));
    }

    @Test
    void garbageBearerTokenIsRejectedWith401InvalidToken() {
        expectInvalidToken(call("not-a-jwt"));
    }

    @Test
    void anUnknownKidMakesTheGatewayFetchTheJwksOnceAndNotAgainWithinTheCooldown() throws InterruptedException {
        try (KeySet keys = new KeySet(TestTokens.KEY); GatewayInstance gateway = trusting(keys)) {
            call(gateway, TestTokens.user(uniqueUser())).expectStatus().isOk();
            assertThat(keys.downloads()).as("the first token's download").isEqualTo(1);
            sleep(COOLDOWN.plusMillis(200));

            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                expectInvalidToken(call(gateway,
                        TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), TestTokens.UNKNOWN_KID_KEY)));
            }

            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("five calls within one cooldown")
                .isLessThan(COOLDOWN);
            assertThat(keys.downloads()).as("downloads after five tokens with an unknown kid").isEqualTo(2);
        }
    }

    @Test
    void aKeyPublishedAfterTheGatewayLoadedTheJwksIsAcceptedAfterOneRefetch() throws Exception {
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("next-" + UUID.randomUUID()).generate();
        try (KeySet keys = new KeySet(TestTokens.KEY); GatewayInstance gateway = trusting(keys)) {
            call(gateway, TestTokens.user(uniqueUser())).expectStatus().isOk();
            keys.publish(TestTokens.KEY, rotated); // auth-server rotates: the next key is published
            sleep(COOLDOWN.plusMillis(200));

            call(gateway, TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), rotated)).expectStatus().isOk();
            call(gateway, TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), rotated)).expectStatus().isOk();
            call(gateway, TestTokens.user(uniqueUser())).expectStatus().isOk();

            assertThat(keys.downloads()).as("the first download and one re-fetch").isEqualTo(2);
        }
    }

    @Test
    void validJwtIsRelayedUnchangedWithACorrelationId() {
        String jwt = TestTokens.user(uniqueUser());
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange()
            .expectStatus().isOk()
            .expectHeader().exists("X-Correlation-Id");

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + jwt);
        assertThat(received.getHeader("X-Correlation-Id")).isNotBlank();
    }

    private ResponseSpec call(String jwt) {
        return call(jwt, "/examples/bearer");
    }

    private ResponseSpec call(String jwt, String path) {
        return client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange();
    }

    private static void expectInvalidToken(ResponseSpec response) {
        response.expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
            .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    /** A gateway instance whose JWKS comes from {@code keys}, with a short re-fetch cool-down. */
    private GatewayInstance trusting(KeySet keys) {
        return GatewayInstance.like(context, Map.of("platform.gateway.auth-server-url", keys.server.baseUrl(),
                "platform.gateway.jwt.jwks-refresh-cooldown", COOLDOWN.toMillis() + "ms"));
    }

    private static ResponseSpec call(GatewayInstance gateway, String jwt) {
        return gateway.client().get().uri("/examples/bearer").header("Authorization", "Bearer " + jwt).exchange();
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** auth-server's JWKS alone, stood in by its own WireMock, so its downloads are this test's only. */
    private static final class KeySet implements AutoCloseable {

        final WireMockServer server = new WireMockServer(options().dynamicPort());

        KeySet(RSAKey... keys) {
            server.start();
            publish(keys);
        }

        void publish(RSAKey... keys) {
            server.stubFor(get(JWKS).willReturn(okJson(new JWKSet(
                    Arrays.stream(keys).map(key -> (JWK) key.toPublicJWK()).toList()).toString())));
        }

        int downloads() {
            return server.findAll(getRequestedFor(urlPathEqualTo(JWKS))).size();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    private static String uniqueUser() {
        return "user-" + UUID.randomUUID();
    }
}
