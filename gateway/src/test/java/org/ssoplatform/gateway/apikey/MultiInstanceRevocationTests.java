package org.ssoplatform.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;

/** Two gateway instances on one Redis: the key cache is shared, and revocation reaches both. */
class MultiInstanceRevocationTests extends SharedGateway {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void secondInstanceUsesTheSharedRedisCacheAndBothRejectARevokedKeyWithinOneSecond() throws InterruptedException {
        long subscribersBefore = subscribers();
        try (GatewayInstance second = GatewayInstance.like(context, Map.of())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> subscribers() > subscribersBefore);
            String key = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(key, "201", Duration.ofMinutes(5));
            client("127.0.0.31").get().uri("/examples/shared").header("X-API-Key", key).exchange().expectStatus().isOk();
            await().atMost(Duration.ofSeconds(2))
                .until(() -> redis.hasKey(redisKeys.apiKeyToken(ApiKeyFormat.hashHex(key))).block());
            second.client("127.0.0.32").get().uri("/examples/shared").header("X-API-Key", key).exchange()
                .expectStatus().isOk();
            assertThat(STAND_INS.exchangesFor(key)).isEqualTo(1); // the second instance found it in Redis

            STAND_INS.exchangeRefuses(key);
            long start = System.nanoTime();
            redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[\"" + ApiKeyFormat.hashHex(key) + "\"]}")
                .block();

            boolean firstRejects = false;
            boolean secondRejects = false;
            while (!(firstRejects && secondRejects) && System.nanoTime() - start < Duration.ofSeconds(1).toNanos()) {
                firstRejects = firstRejects || status(client("127.0.0.31"), key) == 401;
                secondRejects = secondRejects || status(second.client("127.0.0.32"), key) == 401;
                Thread.sleep(20);
            }
            assertThat(firstRejects).as("first instance rejects within 1 s").isTrue();
            assertThat(secondRejects).as("second instance rejects within 1 s").isTrue();
        }
    }

    private static int status(WebTestClient client, String key) {
        return client.get().uri("/examples/shared").header("X-API-Key", key).exchange().returnResult(Void.class)
            .getStatus().value();
    }

    /** Receivers of a no-op invalidation: every gateway context subscribed in this JVM's namespace. */
    private long subscribers() {
        return redis.convertAndSend(redisKeys.invalidations(), "{\"hashes\":[]}").block();
    }
}
