package org.ssoplatform.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/** The backends' client as the gateway builds it, with the tests' response timeout of 2 s. */
class BackendTimeoutTests extends SharedGateway {

    @Test
    void aBackendSilentPastTheResponseTimeoutGets504Problem() {
        String path = uniqueBackendPath();
        STAND_INS.backend.stubFor(get(path).willReturn(okJson("{}").withFixedDelay(6_000)));

        long started = System.nanoTime();
        call(path).expectStatus().isEqualTo(504)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(504)
            .jsonPath("$.detail").isEqualTo("A service behind the gateway did not answer in time.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBackendAnsweringWithinTheResponseTimeoutIsRelayed() {
        String path = uniqueBackendPath();
        STAND_INS.backend.stubFor(get(path).willReturn(okJson("{\"slow\":true}").withFixedDelay(500)));

        call(path).expectStatus().isOk().expectBody().jsonPath("$.slow").isEqualTo(true);
    }

    private ResponseSpec call(String path) {
        return client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user("user-" + UUID.randomUUID()))
            .exchange();
    }
}
