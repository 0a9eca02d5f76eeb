package org.ssoplatform.gateway.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTParser;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/** An API key becomes a cached, relayed JWT; a malformed one never leaves the gateway. */
class ApiKeyExchangeTests extends SharedGateway {

    @Test
    void malformedKeyIsRejectedWith401WithoutCallingTheTokenEndpoint() {
        int before = STAND_INS.exchanges();
        String key = ApiKeyFormat.generate();
        String broken = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

        client().get().uri("/examples/anything").header("X-API-Key", broken).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
            .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").isEqualTo("The API key is malformed.");

        assertThat(STAND_INS.exchanges()).isEqualTo(before);
        assertThat(STAND_INS.exchangesFor(broken)).isZero();
    }

    @Test
    void goodKeyReachesBackendAsBearerJwtAndTheKeyIsRemoved() {
        String key = ApiKeyFormat.generate();
        String jwt = TestTokens.apiKeyToken("101", Duration.ofMinutes(5));
        STAND_INS.exchangeIssues(key, jwt);
        String path = uniqueBackendPath();

        client().get().uri(path).header("X-API-Key", key).exchange().expectStatus().isOk();

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + jwt);
        assertThat(received.containsHeader("X-API-Key")).isFalse();
        LoggedRequest exchange = STAND_INS.authServer
            .findAll(postRequestedFor(urlPathEqualTo(StandIns.TOKEN_PATH)).withRequestBody(containing(key)))
            .get(0);
        assertThat(exchange.getHeader("Authorization")).startsWith("Basic ");
        assertThat(exchange.getBodyAsString())
            .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange")
            .contains("subject_token_type=urn%3Assoplatform%3Aparams%3Aoauth%3Atoken-type%3Aapi-key");
    }

    @Test
    void secondCallIsServedFromTheCacheWithExactlyOneExchange() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "102", Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            client().get().uri("/examples/cached").header("X-API-Key", key).exchange().expectStatus().isOk();
        }

        assertThat(STAND_INS.exchangesFor(key)).isEqualTo(1);
        String hash = ApiKeyFormat.hashHex(key);
        await().atMost(Duration.ofSeconds(2)).until(() -> redis.hasKey(redisKeys.apiKeyToken(hash)).block());
    }

    @Test
    void cachedTokenLivesNoLongerThanItsExpiryAndIsThenExchangedAgain() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "103", Duration.ofSeconds(4));

        client().get().uri("/examples/expiry").header("X-API-Key", key).exchange().expectStatus().isOk();

        String redisKey = redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key));
        await().atMost(Duration.ofSeconds(2)).until(() -> redis.hasKey(redisKey).block());
        Duration ttl = redis.getExpire(redisKey).block();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)); // exp 4 s minus the 1 s margin

        // Exchanged again from 2.7 s on (refreshed ahead, see below), and on a miss once 3 s have passed.
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            client().get().uri("/examples/expiry").header("X-API-Key", key).exchange().expectStatus().isOk();
            assertThat(STAND_INS.exchangesFor(key)).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aTokenNearTheEndOfItsTimeIsExchangedAgainWhileItStillServes() throws ParseException {
        String key = ApiKeyFormat.generate();
        String jwt = TestTokens.apiKeyToken("107", Duration.ofSeconds(8));
        Instant servableUntil = servableUntil(jwt);
        STAND_INS.exchangeIssues(key, jwt);

        // Served from 0 to 7 s (8 s less the 1 s margin); due again after nine tenths of that, 6.3 s.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            client().get().uri("/examples/ahead").header("X-API-Key", key).exchange().expectStatus().isOk();
            assertThat(STAND_INS.exchangesFor(key)).isEqualTo(2);
        });

        LoggedRequest again = STAND_INS.authServer.findAll(postRequestedFor(urlPathEqualTo(StandIns.TOKEN_PATH))
            .withRequestBody(containing("subject_token=" + key))).get(1);
        assertThat(again.getLoggedDate().toInstant()).isBefore(servableUntil); // no request waited for it
    }

    @Test
    void aKeyRefusedWhenExchangedAgainAheadIsNoLongerServed() throws ParseException {
        String key = ApiKeyFormat.generate();
        String jwt = TestTokens.apiKeyToken("108", Duration.ofSeconds(8));
        Instant servableUntil = servableUntil(jwt);
        STAND_INS.exchangeIssues(key, jwt);
        client().get().uri("/examples/refused").header("X-API-Key", key).exchange().expectStatus().isOk();
        STAND_INS.exchangeRefuses(key); // say it was revoked and the invalidation message lost

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            client().get().uri("/examples/refused").header("X-API-Key", key).exchange().expectStatus().isUnauthorized();
            assertThat(STAND_INS.exchangesFor(key)).isEqualTo(2);
        });
        assertThat(Instant.now()).isBefore(servableUntil); // refused ahead of the token's end, not on a miss
    }

    @Test
    void uncachedKeyGets503WhenTheExchangeFails() {
        String key = ApiKeyFormat.generate();
        STAND_INS.authServer.stubFor(post(StandIns.TOKEN_PATH).withRequestBody(containing(key)).willReturn(serverError()));

        client().get().uri("/examples/fail").header("X-API-Key", key).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void requestWithBothBearerTokenAndKeyIsRejectedAsAmbiguous() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "106", Duration.ofMinutes(5));
        int before = STAND_INS.exchanges();

        client().get().uri("/examples/both").header("X-API-Key", key)
            .header("Authorization", "Bearer " + TestTokens.user("both-user")).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(400);

        assertThat(STAND_INS.exchanges()).isEqualTo(before);
    }

    /** When the caches stop serving a token: its {@code exp} less the tests' 1 s margin. */
    private static Instant servableUntil(String jwt) throws ParseException {
        return JWTParser.parse(jwt).getJWTClaimsSet().getExpirationTime().toInstant().minusSeconds(1);
    }
}
