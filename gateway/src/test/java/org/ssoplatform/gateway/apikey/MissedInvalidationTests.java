package org.ssoplatform.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.testsupport.TcpProxy;

/**
 * Invalidations sent while a gateway was cut off from Redis never reach it: on reconnecting it drops what it
 * cached, in its own memory and in Redis, so a key revoked meanwhile is refused by every instance within a second
 * of Redis returning. Two instances of their own namespace reach Redis through a proxy that the test closes.
 */
class MissedInvalidationTests extends SharedGateway {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aKeyRevokedWhileRedisWasAwayIsRefusedByEveryInstanceWithinOneSecondOfItsReturn() throws Exception {
        DataRedisConnectionDetails.Standalone real = context.getBean(DataRedisConnectionDetails.class).getStandalone();
        String namespace = "missed-" + UUID.randomUUID();
        try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort())) {
            Map<String, Object> settings = Map.of("spring.data.redis.host", "127.0.0.1", "spring.data.redis.port",
                    proxy.port(), "platform.redis.namespace", namespace, "platform.gateway.api-key.local-ttl", "10m");
            try (GatewayInstance first = GatewayInstance.like(context, settings);
                    GatewayInstance second = GatewayInstance.like(context, settings)) {
                String warmUp = ApiKeyFormat.generate(); // a fresh instance's first exchange may outlast its timeout
                STAND_INS.exchangeIssues(warmUp, "500", Duration.ofMinutes(5));
                await().atMost(Duration.ofSeconds(20)).until(() -> status(first.client("127.0.0.51"), warmUp) == 200
                        && status(second.client("127.0.0.52"), warmUp) == 200);
                String key = ApiKeyFormat.generate();
                STAND_INS.exchangeIssues(key, "501", Duration.ofMinutes(5));
                assertThat(status(first.client("127.0.0.51"), key)).isEqualTo(200);
                String cached = new RedisKeys(namespace).apiKeyToken(ApiKeyFormat.hashHex(key));
                await().atMost(Duration.ofSeconds(2)).until(() -> redis.hasKey(cached).block());
                assertThat(status(second.client("127.0.0.52"), key)).isEqualTo(200);
                assertThat(STAND_INS.exchangesFor(key)).isEqualTo(1); // the second instance found it in Redis

                proxy.stop();
                STAND_INS.exchangeRefuses(key); // revoked while no gateway hears of it
                Thread.sleep(1_000);
                proxy.start();
                long back = System.nanoTime();

                boolean firstRefuses = false;
                boolean secondRefuses = false;
                while (!(firstRefuses && secondRefuses) && System.nanoTime() - back < Duration.ofSeconds(1).toNanos()) {
                    firstRefuses = firstRefuses || status(first.client("127.0.0.51"), key) == 401;
                    secondRefuses = secondRefuses || status(second.client("127.0.0.52"), key) == 401;
                    Thread.sleep(20);
                }
                assertThat(firstRefuses).as("first instance refuses within 1 s of Redis returning").isTrue();
                assertThat(secondRefuses).as("second instance refuses within 1 s of Redis returning").isTrue();
            }
        }
    }

    private static int status(WebTestClient client, String key) {
        return client.get().uri("/examples/missed").header("X-API-Key", key).exchange().returnResult(Void.class)
            .getStatus().value();
    }
}
