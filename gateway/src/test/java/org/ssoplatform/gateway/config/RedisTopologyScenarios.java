package org.ssoplatform.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;
import org.ssoplatform.testsupport.RedisTopology;

/**
 * The gateway's Redis work (key cache, revocation, failed-attempt counts, rate limits, usage) on a Redis
 * deployment of several real servers, connected by Spring Boot's own settings, and through a failover.
 * Subclasses say which deployment; one gateway instance per class talks to it.
 */
abstract class RedisTopologyScenarios extends SharedGateway {

    private static GatewayInstance gateway;

    private static RedisTopology topology;

    @Autowired
    ConfigurableApplicationContext context;

    /** Started once per class; closed with it. */
    abstract RedisTopology startTopology();

    @BeforeEach
    void startGateway() {
        if (gateway == null) {
            topology = startTopology();
            Map<String, Object> overrides = new HashMap<>(topology.springProperties());
            overrides.put("platform.gateway.api-key.usage-flush-interval", "200ms");
            overrides.put("platform.gateway.api-key.max-failed-attempts", "5");
            overrides.put("platform.gateway.rate-limit.user.capacity", "100000");
            overrides.put("platform.gateway.rate-limit.user.replenish-per-second", "100000");
            overrides.put("platform.gateway.rate-limit.api-keys.limited-key.capacity", "2");
            overrides.put("platform.gateway.rate-limit.api-keys.limited-key.replenish-per-second", "0.1");
            gateway = GatewayInstance.like(context, overrides);
            // A cold instance on a busy machine may miss the stand-in's exchange timeout once.
            String key = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(key, "400", Duration.ofMinutes(5));
            await().atMost(Duration.ofSeconds(20)).until(() -> status(gateway.client(), key) == 200);
        }
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
        if (topology != null) {
            topology.close();
            topology = null;
        }
    }

    @Test
    void keyTokensAndRefusalsAreCachedAndFailedAttemptsCountedOncePerKey() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "401", Duration.ofMinutes(5));
        gateway.client().get().uri("/examples/topology").header("X-API-Key", key).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(2)).until(() -> redis().hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block());

        String refused = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(refused);
        for (int i = 0; i < 2; i++) {
            gateway.client("127.0.0.41").get().uri("/examples/topology").header("X-API-Key", refused).exchange()
                .expectStatus().isUnauthorized();
        }
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(redis().hasKey(redisKeys.apiKeyUnknown(ApiKeyFormat.hashHex(refused))).block()).isTrue();
            assertThat(redis().opsForValue().get(redisKeys.failedAttempts("127.0.0.41")).block()).isEqualTo("1");
        });
    }

    @Test
    void aRevocationReachesTheGatewayWithinOneSecondAndABulkOneEmptiesTheRedisCache() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "402", Duration.ofMinutes(5));
        String other = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(other, "403", Duration.ofMinutes(5));
        for (String each : List.of(key, other)) {
            gateway.client().get().uri("/examples/topology").header("X-API-Key", each).exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> redis().hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(other))).block());

        STAND_INS.exchangeRefuses(key);
        redis().convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(key) + "\"]}").block();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
            .until(() -> status(gateway.client(), key) == 401);

        redis().convertAndSend(redisKeys.invalidations(), "{\"all\":true}").block();
        await().atMost(Duration.ofSeconds(2))
            .until(() -> !redis().hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(other))).block());
    }

    @Test
    void keyTrafficIsRateLimitedAcrossTheDeployment() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "limited-key", Duration.ofMinutes(5));
        for (int i = 0; i < 2; i++) {
            gateway.client().get().uri("/examples/topology").header("X-API-Key", key).exchange().expectStatus().isOk();
        }
        gateway.client().get().uri("/examples/topology").header("X-API-Key", key).exchange()
            .expectStatus().isEqualTo(429);
    }

    @Test
    void usageLandsInTheKeysShardForAuthServerToFlush() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "404", Duration.ofMinutes(5));
        for (int i = 0; i < 3; i++) {
            gateway.client().get().uri("/examples/topology").header("X-API-Key", key).exchange().expectStatus().isOk();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<Object, Object> usage = redis().opsForHash().entries(redisKeys.usage("404"))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
            assertThat(usage).containsEntry("count:" + LocalDate.now(ZoneOffset.UTC), "3").containsKey("last_used_at");
            assertThat(redis().opsForSet().isMember(redisKeys.usageDirty(RedisKeys.usageShard("404")), "404").block())
                .isTrue();
        });
    }

    @Test
    void everyKeyTheGatewayWritesExpires() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "405", Duration.ofMinutes(5));
        String refused = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(refused);
        gateway.client().get().uri("/examples/topology").header("X-API-Key", key).exchange().expectStatus().isOk();
        gateway.client().get().uri("/examples/topology").header("Authorization", "Bearer " + TestTokens.user("ttl-user"))
            .exchange().expectStatus().isOk();
        gateway.client("127.0.0.42").get().uri("/examples/topology").header("X-API-Key", refused).exchange()
            .expectStatus().isUnauthorized();
        await().atMost(Duration.ofSeconds(5))
            .until(() -> redis().opsForSet().isMember(redisKeys.usageDirty(RedisKeys.usageShard("405")), "405").block());

        Map<String, Long> ttls = topology.ttls(redisKeys.invalidations().replace(":apikey:invalidations", ":*"));
        assertThat(ttls).as("the workload's keys").containsKeys(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key)),
                redisKeys.apiKeyUnknown(ApiKeyFormat.hashHex(refused)), redisKeys.failedAttempts("127.0.0.42"),
                redisKeys.failedKeys("127.0.0.42"), redisKeys.usage("405"),
                redisKeys.usageDirty(RedisKeys.usageShard("405")));
        assertThat(ttls.keySet().stream().filter(name -> name.contains(":ratelimit:"))).isNotEmpty();
        assertThat(ttls).allSatisfy((name, ttl) -> assertThat(ttl).as(name + " expires").isPositive());
    }

    @Test
    void aFailoverDuringTrafficCostsJwtTrafficNothingAndKeyTrafficAtMostFiveSeconds() throws Exception {
        String jwt = TestTokens.user("failover-user");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger jwtRequests = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> jwtErrors = new ConcurrentLinkedQueue<>();
        WebTestClient client = gateway.client();
        Thread jwtTraffic = new Thread(() -> {
            while (running.get()) {
                int status = client.get().uri("/examples/topology").header("Authorization", "Bearer " + jwt).exchange()
                    .returnResult(Void.class).getStatus().value();
                jwtRequests.incrementAndGet();
                if (status != 200) {
                    jwtErrors.add(status);
                }
            }
        }, "jwt-traffic");
        jwtTraffic.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> jwtRequests.get() > 20);
            topology.failoverMasterOf(redisKeys.usageDirty(RedisKeys.usageShard("406")));
            long failedOver = System.nanoTime();

            // Key traffic is back when a new key is exchanged, served and its token cached in Redis again.
            List<Long> recoveries = new ArrayList<>();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
                String key = ApiKeyFormat.generate();
                STAND_INS.exchangeIssues(key, "406", Duration.ofMinutes(5));
                if (status(client, key) != 200) {
                    return false;
                }
                long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
                while (System.nanoTime() < deadline) {
                    if (Boolean.TRUE.equals(redis().hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key)))
                        .onErrorReturn(false).block())) {
                        recoveries.add(System.nanoTime() - failedOver);
                        return true;
                    }
                    Thread.sleep(20);
                }
                return false;
            });
            assertThat(recoveries).singleElement()
                .satisfies(nanos -> assertThat(Duration.ofNanos(nanos)).isLessThanOrEqualTo(Duration.ofSeconds(5)));

            // A revocation still reaches the gateway over the failed-over deployment.
            String revoked = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(revoked, "407", Duration.ofMinutes(5));
            assertThat(status(client, revoked)).isEqualTo(200);
            STAND_INS.exchangeRefuses(revoked);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                redis().convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(revoked) + "\"]}")
                    .onErrorReturn(0L).block();
                return status(client, revoked) == 401;
            });
        }
        finally {
            running.set(false);
            jwtTraffic.join(10_000);
        }
        assertThat(jwtRequests.get()).isGreaterThan(20);
        assertThat(jwtErrors).as("JWT requests answered otherwise than 200 during the failover").isEmpty();
    }

    /** The deployment as the gateway instance sees it, through its own connection factory. */
    private static ReactiveStringRedisTemplate redis() {
        return gateway.bean(ReactiveStringRedisTemplate.class);
    }

    private static int status(WebTestClient client, String key) {
        return client.get().uri("/examples/topology").header("X-API-Key", key).exchange().returnResult(Void.class)
            .getStatus().value();
    }
}
