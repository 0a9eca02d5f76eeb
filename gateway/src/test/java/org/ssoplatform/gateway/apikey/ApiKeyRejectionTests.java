package org.ssoplatform.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lettuce.core.resource.ClientResources;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import tools.jackson.databind.json.JsonMapper;

/** Unknown, guessed and revoked keys. */
class ApiKeyRejectionTests extends SharedGateway {

    @Autowired
    RedisConnectionFactory connections;

    @Autowired
    ReactiveRedisConnectionFactory connectionFactory;

    @Autowired
    ClientResources lettuce;

    @Autowired
    DataRedisConnectionDetails redisDetails;

    @Autowired
    TokenExchangeClient exchange;

    @Autowired
    ApiKeyProperties properties;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiKeyMeters meters;

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

    /**
     * The resolver and the listener, each on its own connection to Redis (as with a pool, or replicas):
     * a lookup that starts after the invalidation dropped the key reads the token from Redis while the
     * deletion there is held back, and puts it in the in-process cache again. Once the deletion lands,
     * that copy must go too, or it would serve the revoked key for the rest of its local TTL.
     */
    @Test
    void aTokenALookupCopiedBackFromRedisBeforeItsDeletionLandedIsDroppedToo() {
        String key = ApiKeyFormat.generate();
        String hash = ApiKeyFormat.hashHex(key);
        String inRedis = redisKeys.apiKeyToken(hash);
        STAND_INS.exchangeIssues(key, "109", Duration.ofMinutes(5));
        DataRedisConnectionDetails.Standalone server = redisDetails.getStandalone();
        try (OwnConnection lookups = new OwnConnection(server); OwnConnection deletions = new OwnConnection(server)) {
            LocalTokenCache local = new LocalTokenCache(100);
            ApiKeyResolver resolver = new ApiKeyResolver(local, new ApiKeyRedis(lookups.redis, redisKeys, properties),
                    exchange, properties, Clock.systemUTC(), meters);
            InvalidationListener listener = new InvalidationListener(connectionFactory, lettuce.eventBus(), redisKeys, local,
                    new ApiKeyRedis(deletions.redis, redisKeys, properties), json, meters);
            assertThat(resolve(resolver, key)).isInstanceOf(Resolution.Accepted.class);
            await().atMost(Duration.ofSeconds(2)).until(() -> redis.hasKey(inRedis).block());
            STAND_INS.exchangeRefuses(key);
            int exchanges = STAND_INS.exchangesFor(key);

            pauseRedisWrites(Duration.ofMillis(800)); // the deletion waits; reads go on
            listener.apply("{\"hashes\":[\"" + hash + "\"]}");
            assertThat(resolver.cached(key, hash)).as("dropped at once").isNull();
            Resolution during = resolve(resolver, key);

            assertThat(during).as("a lookup while the deletion waits").isInstanceOf(Resolution.Accepted.class);
            assertThat(STAND_INS.exchangesFor(key)).as("answered from Redis").isEqualTo(exchanges);
            assertThat(resolver.cached(key, hash)).as("copied back into the in-process cache").isNotNull();
            await().atMost(Duration.ofSeconds(3)).until(() -> !lookups.redis.hasKey(inRedis).block());
            await().atMost(Duration.ofSeconds(1)).until(() -> resolver.cached(key, hash) == null);
            assertThat(resolve(resolver, key)).isInstanceOf(Resolution.Rejected.class);
        }
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

    /** A key resolved as the gateway resolves it: from the in-process cache, else through the tiers behind it. */
    private static Resolution resolve(ApiKeyResolver resolver, String key) {
        String hash = ApiKeyFormat.hashHex(key);
        ExchangedToken cached = resolver.cached(key, hash);
        if (cached != null) {
            return new Resolution.Accepted(cached);
        }
        return resolver.resolve(key, hash, () -> "127.0.0.28").block(Duration.ofSeconds(5));
    }

    /** A Redis connection of its own, not the context's shared one. */
    private static final class OwnConnection implements AutoCloseable {

        final LettuceConnectionFactory factory;

        final ReactiveStringRedisTemplate redis;

        OwnConnection(DataRedisConnectionDetails.Standalone server) {
            factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.getHost(), server.getPort()));
            factory.afterPropertiesSet();
            factory.start();
            redis = new ReactiveStringRedisTemplate(factory);
        }

        @Override
        public void close() {
            factory.destroy();
        }
    }

    private void pauseRedisWrites(Duration pause) {
        try (RedisConnection connection = connections.getConnection()) {
            connection.execute("CLIENT", "PAUSE".getBytes(), String.valueOf(pause.toMillis()).getBytes(), "WRITE".getBytes());
        }
    }
}
