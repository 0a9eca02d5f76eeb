package org.ssoplatform.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;
import org.ssoplatform.apikey.format.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayTest;

/** Unknown, guessed and revoked keys. */
class ApiKeyRejectionTests extends GatewayTest {

    @Autowired
    InvalidationListener invalidations;

    @Autowired
    LocalTokenCache localTokens;

    @Autowired
    RedisConnectionFactory connections;

    @Test
    void unknownKeyIsAnswered401AndNegativelyCached() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(key);

        for (int i = 0; i < 2; i++) {
            client("127.0.0.24").get().uri("/examples/unknown").header("X-API-Key", key).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*");
            await().atMost(Duration.ofSeconds(2))
                .until(() -> redis.hasKey(redisKeys.apiKeyUnknown(ApiKeyFormat.hashHex(key))).block());
        }

        assertThat(STAND_INS.exchangesFor(key)).isEqualTo(1);
    }

    @Test
    void repeatedFailedAttemptsFromOneAddressGet429WithRetryAfter() {
        String address = "127.0.0.23";
        for (int i = 0; i < 5; i++) {
            String key = ApiKeyFormat.generate();
            STAND_INS.exchangeRefuses(key);
            client(address).get().uri("/examples/guess").header("X-API-Key", key).exchange()
                .expectStatus().isUnauthorized();
        }
        String next = ApiKeyFormat.generate();

        client(address).get().uri("/examples/guess").header("X-API-Key", next).exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*");
        assertThat(STAND_INS.exchangesFor(next)).isZero();

        String good = ApiKeyFormat.generate(); // another address is not affected
        STAND_INS.exchangeIssues(good, "104", Duration.ofMinutes(5));
        client("127.0.0.25").get().uri("/examples/guess").header("X-API-Key", good).exchange().expectStatus().isOk();
    }

    @Test
    void retryingOneRefusedKeyCountsAsOneFailedAttempt() {
        String address = "127.0.0.27";
        String revoked = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(revoked);
        for (int i = 0; i < 8; i++) { // more than the 5 distinct keys that would block this address
            client(address).get().uri("/examples/retry").header("X-API-Key", revoked).exchange()
                .expectStatus().isUnauthorized();
        }
        await().atMost(Duration.ofSeconds(2))
            .until(() -> "1".equals(redis.opsForValue().get(redisKeys.failedAttempts(address)).block()));

        String good = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(good, "109", Duration.ofMinutes(5));
        client(address).get().uri("/examples/retry").header("X-API-Key", good).exchange().expectStatus().isOk();
    }

    @Test
    void revokedKeyIsRejectedWithinASecondOfTheInvalidationMessage() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "107", Duration.ofMinutes(5));
        client("127.0.0.26").get().uri("/examples/revoke").header("X-API-Key", key).exchange().expectStatus().isOk();
        STAND_INS.exchangeRefuses(key);

        redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(key) + "\"]}").block();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
            client("127.0.0.26").get().uri("/examples/revoke").header("X-API-Key", key).exchange()
                .expectStatus().isUnauthorized());
        await().atMost(Duration.ofSeconds(2))
            .until(() -> !redis.hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block());
    }

    @Test
    void aTokenCopiedBackFromRedisBeforeItsDeletionLandedIsDroppedToo() {
        String key = ApiKeyFormat.generate();
        String hash = ApiKeyFormat.hashHex(key);
        STAND_INS.exchangeIssues(key, "109", Duration.ofMinutes(5));
        client("127.0.0.27").get().uri("/examples/race").header("X-API-Key", key).exchange().expectStatus().isOk();
        String inRedis = redisKeys.apiKeyToken(hash);
        await().atMost(Duration.ofSeconds(2)).until(() -> redis.hasKey(inRedis).block());
        ExchangedToken shared = ExchangedToken.parse(redis.opsForValue().get(inRedis).block());

        pauseRedisWrites(Duration.ofMillis(300)); // the deletion waits; reads go on
        invalidations.apply("{\"hashes\":[\"" + hash + "\"]}");
        long lookupBegan = localTokens.generation(); // after the first drop, before the deletion in Redis
        await().atMost(Duration.ofSeconds(1)).until(() -> !redis.hasKey(inRedis).block());
        localTokens.put(hash, shared, Duration.ofSeconds(10), lookupBegan); // what that lookup read from Redis

        await().atMost(Duration.ofSeconds(1)).until(() -> localTokens.get(hash) == null);
    }

    @Test
    void bulkInvalidationDropsEveryCachedKey() {
        List<String> keys = List.of(ApiKeyFormat.generate(), ApiKeyFormat.generate());
        for (String key : keys) {
            STAND_INS.exchangeIssues(key, "108", Duration.ofMinutes(5));
            client().get().uri("/examples/bulk").header("X-API-Key", key).exchange().expectStatus().isOk();
        }
        for (String key : keys) {
            await().atMost(Duration.ofSeconds(2))
                .until(() -> redis.hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block());
        }

        redis.convertAndSend(redisKeys.invalidations(), "{\"all\":true}").block();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String key : keys) {
                assertThat(redis.hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block()).isFalse();
            }
        });
        for (String key : keys) {
            client().get().uri("/examples/bulk").header("X-API-Key", key).exchange().expectStatus().isOk();
            assertThat(STAND_INS.exchangesFor(key)).isEqualTo(2);
        }
    }

    private void pauseRedisWrites(Duration pause) {
        try (RedisConnection connection = connections.getConnection()) {
            connection.execute("CLIENT", "PAUSE".getBytes(), String.valueOf(pause.toMillis()).getBytes(), "WRITE".getBytes());
        }
    }
}
