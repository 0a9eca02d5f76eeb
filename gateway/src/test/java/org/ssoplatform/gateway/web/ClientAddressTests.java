package org.ssoplatform.gateway.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-address limits follow the client, not what it claims: {@code X-Forwarded-For} counts only from a
 * trusted proxy (127.0.0.2 here), and the backends (auth-server above all) receive the address the
 * gateway resolved, never the client's own header.
 */
class ClientAddressTests extends SharedGateway {

    @Test
    void aForgedForwardedForFromAnUntrustedPeerNeitherEscapesTheLimitNorReachesTheBackend() {
        WebTestClient untrusted = client("127.0.0.51");
        for (int i = 0; i < 5; i++) {
            failWithUnknownKey(untrusted, "203.0.113." + i);
        }
        String good = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(good, "205", Duration.ofMinutes(5));
        untrusted.get().uri("/examples/xff").header("X-API-Key", good).header("X-Forwarded-For", "203.0.113.99")
            .exchange().expectStatus().isEqualTo(429);

        String path = uniqueBackendPath();
        untrusted.get().uri(path).header("Authorization", "Bearer " + TestTokens.user("xff-" + path))
            .header("X-Forwarded-For", "203.0.113.99").exchange().expectStatus().isOk();
        assertThat(backendReceived(path).get(0).getHeader("X-Forwarded-For")).isEqualTo("127.0.0.51");
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimitAndAddress() {
        WebTestClient proxy = client("127.0.0.2");
        for (int i = 0; i < 5; i++) {
            failWithUnknownKey(proxy, "198.51.100.7");
        }
        String good = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(good, "206", Duration.ofMinutes(5));
        proxy.get().uri("/examples/xff").header("X-API-Key", good).header("X-Forwarded-For", "198.51.100.7")
            .exchange().expectStatus().isEqualTo(429);

        String path = uniqueBackendPath();
        proxy.get().uri(path).header("X-API-Key", good).header("X-Forwarded-For", "203.0.113.5, 198.51.100.8")
            .exchange().expectStatus().isOk();
        assertThat(backendReceived(path).get(0).getHeader("X-Forwarded-For"))
            .as("the proxy's right-most entry, not the client's own left part").isEqualTo("198.51.100.8");
    }

    private static void failWithUnknownKey(WebTestClient client, String forwardedFor) {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(key);
        client.get().uri("/examples/xff").header("X-API-Key", key).header("X-Forwarded-For", forwardedFor)
            .exchange().expectStatus().isUnauthorized();
    }
}
