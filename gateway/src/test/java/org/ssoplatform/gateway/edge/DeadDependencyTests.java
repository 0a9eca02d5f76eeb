package org.ssoplatform.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;
import org.ssoplatform.testsupport.SilentServer;

/**
 * Dependencies that accept connections and never answer (a hung server, a black-holed network) cost a request
 * less than 2 s, with the gateway's shipped timeouts: auth-server's token exchange and JWKS, and Redis.
 */
class DeadDependencyTests extends SharedGateway {

    private static final Duration BOUND = Duration.ofSeconds(2);

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aHungAuthServerCostsAnApiKeyOrAnUnverifiableTokenLessThanTwoSecondsAndA503() throws IOException {
        try (SilentServer authServer = new SilentServer();
                GatewayInstance gateway = GatewayInstance.like(context, Map.of(
                        "platform.gateway.auth-server-url", authServer.url(),
                        "platform.gateway.api-key.exchange-timeout", "", "platform.gateway.jwt.jwks-timeout", ""))) {
            String key = ApiKeyFormat.generate();
            String token = TestTokens.user("hung-auth-server");
            gateway.client().get().uri("/examples/a").exchange().expectStatus().isUnauthorized(); // warms the instance
            within(() -> gateway.client().get().uri("/examples/a").header("X-API-Key", key).exchange())
                .expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            within(() -> gateway.client().get().uri("/examples/a").header("Authorization", "Bearer " + token).exchange())
                .expectStatus().isEqualTo(503).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aHungRedisCostsAnApiKeyRequestLessThanTwoSeconds() throws Exception {
        try (SilentServer redisServer = new SilentServer();
                GatewayInstance gateway = GatewayInstance.like(context, Map.of("spring.data.redis.host", "127.0.0.1",
                        "spring.data.redis.port", redisServer.port(), "platform.gateway.api-key.exchange-timeout", ""))) {
            String warmUp = ApiKeyFormat.generate(); // a fresh instance's first request also loads its classes
            STAND_INS.exchangeIssues(warmUp, "600", Duration.ofMinutes(5));
            gateway.client().get().uri("/examples/a").header("X-API-Key", warmUp).exchange();
            Thread.sleep(1_500); // past the pause after a failed connection attempt: the next request tries again
            String key = ApiKeyFormat.generate();
            STAND_INS.exchangeIssues(key, "601", Duration.ofMinutes(5));
            within(() -> gateway.client().get().uri("/examples/a").header("X-API-Key", key).exchange())
                .expectStatus().isOk();
            String token = TestTokens.user("hung-redis");
            within(() -> gateway.client().get().uri("/examples/a").header("Authorization", "Bearer " + token).exchange())
                .expectStatus().isOk();
        }
    }

    private static ResponseSpec within(Supplier<ResponseSpec> call) {
        long start = System.nanoTime();
        ResponseSpec response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within " + BOUND).isLessThan(BOUND);
        return response;
    }
}
