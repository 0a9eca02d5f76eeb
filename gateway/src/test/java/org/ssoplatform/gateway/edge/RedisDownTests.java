package org.ssoplatform.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.testsupport.TcpProxy;
import org.ssoplatform.gateway.support.TestTokens;

/** Redis unreachable: bearer traffic unaffected, keys only through the exchange, nothing hangs. */
class RedisDownTests extends SharedGateway {

    private static final Duration BOUND = Duration.ofSeconds(2); // Redis timeout 500 ms, exchange 1 s

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void withRedisUnreachableJwtTrafficWorksAndKeysNeverFailOpen() throws IOException {
        try (GatewayInstance gateway = GatewayInstance.like(context, Map.of("spring.data.redis.host", "127.0.0.1",
                "spring.data.redis.port", AuthServerDownTests.closedPort()))) {
            String good = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(good, "401", Duration.ofMinutes(5));
            String unknown = ApiKeyFormat.generate();
            STAND_INS.exchangeRefuses(unknown);
            String failing = ApiKeyFormat.generate();

            within(() -> gateway.client().get().uri("/examples/r").header("Authorization", "Bearer "
                    + TestTokens.user("redis-down-user")).exchange()).expectStatus().isOk();
            within(() -> gateway.client().get().uri("/examples/r").header("X-API-Key", good).exchange())
                .expectStatus().isOk();
            within(() -> gateway.client().get().uri("/examples/r").header("X-API-Key", good).exchange())
                .expectStatus().isOk();
            assertThat(STAND_INS.exchangesFor(good)).isEqualTo(1); // the in-process cache serves it
            within(() -> gateway.client().get().uri("/examples/r").header("X-API-Key", unknown).exchange())
                .expectStatus().isUnauthorized();
            within(() -> gateway.client().get().uri("/examples/r").header("X-API-Key", failing).exchange())
                .expectStatus().isEqualTo(503);
            within(() -> gateway.client().get().uri("/examples/r").exchange()).expectStatus().isUnauthorized();
        }
    }

    @Test
    void gatewayRecoversWhenRedisReturns() throws IOException {
        DataRedisConnectionDetails.Standalone real = context.getBean(DataRedisConnectionDetails.class).getStandalone();
        // The in-process copy of a key outlives the test: only an invalidation message can drop it.
        try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort());
                GatewayInstance gateway = GatewayInstance.like(context, Map.of("spring.data.redis.host", "127.0.0.1",
                        "spring.data.redis.port", proxy.port(), "platform.gateway.api-key.local-ttl", "10m"))) {
            String before = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(before, "402", Duration.ofMinutes(5));
            gateway.client().get().uri("/examples/r").header("X-API-Key", before).exchange().expectStatus().isOk();
            await().atMost(Duration.ofSeconds(2)).until(() -> cachedInRedis(before));

            proxy.stop();
            String during = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(during, "403", Duration.ofMinutes(5));
            within(() -> gateway.client().get().uri("/examples/r").header("Authorization", "Bearer "
                    + TestTokens.user("redis-flap-user")).exchange()).expectStatus().isOk();
            within(() -> gateway.client().get().uri("/examples/r").header("X-API-Key", during).exchange())
                .expectStatus().isOk();

            proxy.start();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                String after = ApiKeyFormat.generate(); // a new key each time: the first goes through Redis
                STAND_INS.exchangeIssues(after, "404", Duration.ofMinutes(5));
                gateway.client().get().uri("/examples/r").header("X-API-Key", after).exchange().expectStatus().isOk();
                await().atMost(Duration.ofSeconds(1)).until(() -> cachedInRedis(after));
            });

            // The invalidation subscription is back too: the instance holds the key in its own cache again
            // (copied from Redis), and only a message it hears can make it refuse the key within the wait.
            gateway.client().get().uri("/examples/r").header("X-API-Key", before).exchange().expectStatus().isOk();
            STAND_INS.exchangeRefuses(before);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(before) + "\"]}")
                    .block();
                gateway.client("127.0.0.41").get().uri("/examples/r").header("X-API-Key", before).exchange()
                    .expectStatus().isUnauthorized();
            });
        }
    }

    private boolean cachedInRedis(String key) {
        return redis.hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block();
    }

    private static ResponseSpec within(Supplier<ResponseSpec> call) {
        long start = System.nanoTime();
        ResponseSpec response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        return response;
    }
}
