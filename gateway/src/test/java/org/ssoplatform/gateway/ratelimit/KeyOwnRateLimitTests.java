package org.ssoplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * A key's own rate limit, carried by the {@code rate_limit} claim of the token exchanged for it, overrides the
 * configured one; a changed limit reaches every instance with the invalidation that makes them exchange the key again.
 */
class KeyOwnRateLimitTests extends SharedGateway {

    /** The configured capacity of a key without its own limit (support.StandIns). */
    private static final String CONFIGURED = "1000";

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aKeysOwnLimitFromItsTokenReplacesTheConfiguredOne() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, TestTokens.apiKeyToken(unique(), Duration.ofMinutes(5), 3, 0.001));
        exchanged(client(), key); // the first of its 3

        for (int i = 0; i < 2; i++) {
            call(client(), key).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "3");
        }
        call(client(), key).expectStatus().isEqualTo(429)
            .expectHeader().valueEquals("RateLimit-Limit", "3")
            .expectHeader().exists("Retry-After");
    }

    @Test
    void aLoweredThenRaisedLimitIsAppliedByBothInstancesWithinOneSecondOfTheInvalidation() throws Exception {
        String key = ApiKeyFormat.generate();
        String keyId = unique();
        STAND_INS.exchangeIssues(key, TestTokens.apiKeyToken(keyId, Duration.ofMinutes(5)));
        long subscribersBefore = subscribers();
        try (GatewayInstance second = GatewayInstance.like(context,
                Map.of("platform.gateway.rate-limit.api-key.capacity", CONFIGURED))) {
            List<WebTestClient> instances = List.of(client(), second.client());
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribers() > subscribersBefore);
            for (WebTestClient instance : instances) {
                exchanged(instance, key);
                call(instance, key).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", CONFIGURED);
            }

            STAND_INS.exchangeIssues(key, TestTokens.apiKeyToken(keyId, Duration.ofMinutes(5), 2, 0.001));
            assertThat(untilBothShowLimit(instances, key, "2")).isLessThanOrEqualTo(Duration.ofSeconds(1));
            int allowed = 0;
            for (int i = 0; i < 6; i++) {
                EntityExchangeResult<byte[]> answer = call(instances.get(i % 2), key).expectBody().returnResult();
                assertThat(answer.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("2");
                allowed += answer.getStatus().value() == 200 ? 1 : 0;
            }
            assertThat(allowed).as("requests the lowered bucket admitted after both instances applied it").isLessThanOrEqualTo(2);
            call(client(), key).expectStatus().isEqualTo(429);
            call(second.client(), key).expectStatus().isEqualTo(429);

            STAND_INS.exchangeIssues(key, TestTokens.apiKeyToken(keyId, Duration.ofMinutes(5), 50, 1000));
            assertThat(untilBothShowLimit(instances, key, "50")).isLessThanOrEqualTo(Duration.ofSeconds(1));
            for (int i = 0; i < 10; i++) {
                call(instances.get(i % 2), key).expectStatus().isOk();
            }
        }
    }

    /**
     * Waits until the instance has the key's token: a freshly started context's first exchange may outlast the
     * exchange timeout on a loaded machine (503), which is not what these tests are about. A 503 takes no token.
     */
    private static void exchanged(WebTestClient instance, String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> call(instance, key).expectBody().returnResult()
            .getStatus().value() != 503);
    }

    /** Publishes the key's invalidation, as auth-server does after a change, and polls both instances. */
    private Duration untilBothShowLimit(List<WebTestClient> instances, String key, String limit) throws Exception {
        long start = System.nanoTime();
        redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(key) + "\"]}").block();
        boolean[] applied = new boolean[instances.size()];
        while (System.nanoTime() - start < Duration.ofSeconds(5).toNanos()) {
            for (int i = 0; i < instances.size(); i++) {
                applied[i] = applied[i] || limit.equals(call(instances.get(i), key).expectBody().returnResult()
                    .getResponseHeaders().getFirst("RateLimit-Limit"));
            }
            if (applied[0] && applied[1]) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The new limit " + limit + " was not applied by both instances within 5 s");
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, String key) {
        return client.get().uri("/examples/shared").header("X-API-Key", key).exchange();
    }

    /** Receivers of a no-op invalidation: every gateway context subscribed in this JVM's namespace. */
    private long subscribers() {
        return redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[]}").block();
    }

    private static String unique() {
        return "k" + UUID.randomUUID().toString().substring(0, 8);
    }
}
