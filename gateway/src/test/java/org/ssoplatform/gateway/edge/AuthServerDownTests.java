package org.ssoplatform.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/** auth-server going away: what was cached keeps working, nothing else gets through. */
class AuthServerDownTests extends SharedGateway {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void cachedKeysAndKnownSigningKeysKeepWorkingWhileUncachedKeysGet503() {
        StandIns own = new StandIns();
        try (GatewayInstance gateway = GatewayInstance.like(context, Map.of(
                "platform.gateway.auth-server-url", own.authServer.baseUrl(),
                "RESOURCE_SERVICE_URL", own.backend.baseUrl()))) {
            String cached = ApiKeyFormat.generate();
            own.exchangeIssues(cached, "301", Duration.ofMinutes(5));
            String jwt = TestTokens.user("down-user");
            gateway.client().get().uri("/examples/a").header("X-API-Key", cached).exchange().expectStatus().isOk();
            gateway.client().get().uri("/examples/a").header("Authorization", "Bearer " + jwt).exchange()
                .expectStatus().isOk();

            own.authServer.stop();

            gateway.client().get().uri("/examples/a").header("X-API-Key", cached).exchange().expectStatus().isOk();
            gateway.client().get().uri("/examples/a").header("Authorization", "Bearer " + jwt).exchange()
                .expectStatus().isOk();
            long start = System.nanoTime();
            gateway.client().get().uri("/examples/a").header("X-API-Key", ApiKeyFormat.generate()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        finally {
            own.backend.stop();
        }
    }

    @Test
    void gatewayStartsWithoutAuthServerAndAnswers503ForTokensItCannotVerify() throws IOException {
        try (GatewayInstance gateway = GatewayInstance.like(context,
                Map.of("platform.gateway.auth-server-url", "http://127.0.0.1:" + closedPort()))) {
            gateway.client().get().uri("/readyz").exchange().expectStatus().isOk();
            gateway.client().get().uri("/examples/a").header("Authorization", "Bearer " + TestTokens.user("u"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
