package org.ssoplatform.gateway.proxy;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** A backend never receives the browser's cookies (the portal's session above all) unless its route opts in. */
class CookieForwardingTests extends SharedGateway {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aProxiedRequestReachesTheBackendWithoutItsCookies() {
        String path = uniqueBackendPath();

        client().get().uri(path)
            .header("Authorization", "Bearer " + TestTokens.user("cookie-" + path))
            .header("Cookie", "GATEWAY_SESSION=the-portal-session; theme=dark")
            .exchange()
            .expectStatus().isOk();

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.containsHeader("Cookie")).as("Cookie: %s", received.getHeader("Cookie")).isFalse();
        assertThat(received.getHeader("Authorization")).startsWith("Bearer ");
    }

    @Test
    void aRouteThatOptsInKeepsThem() {
        String backend = STAND_INS.backend.baseUrl();
        try (GatewayInstance gateway = GatewayInstance.like(context, Map.of(
                "spring.cloud.gateway.server.webflux.routes[0].id", "cookie-route",
                "spring.cloud.gateway.server.webflux.routes[0].uri", backend,
                "spring.cloud.gateway.server.webflux.routes[0].predicates[0]", "Path=/examples/**",
                "spring.cloud.gateway.server.webflux.routes[0].metadata.forward-cookies", "true"))) {
            String path = uniqueBackendPath();

            gateway.client().get().uri(path)
                .header("Authorization", "Bearer " + TestTokens.user("cookie-" + path))
                .header("Cookie", "theme=dark")
                .exchange()
                .expectStatus().isOk();

            assertThat(backendReceived(path).get(0).getHeader("Cookie")).isEqualTo("theme=dark");
        }
    }
}
