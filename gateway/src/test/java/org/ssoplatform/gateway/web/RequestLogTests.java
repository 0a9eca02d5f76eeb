package org.ssoplatform.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.EcsLogTap;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * LOG_FORMAT=ecs: every line the gateway writes while handling a request, its warnings as well as its access
 * log, names the request's trace (sampled or not, flags {@code 01} or {@code 00}) and its correlation id, in
 * the fields the other apps use ({@code traceId}, {@code spanId}, {@code X-Correlation-Id}).
 */
class RequestLogTests extends SharedGateway {

    private EcsLogTap tap;

    @BeforeEach
    void attach() {
        tap = EcsLogTap.attach();
    }

    @AfterEach
    void detach() {
        tap.detach();
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(strings = { "00", "01" })
    void aFailedTokenExchangeIsLoggedWithTheRequestsTraceAndCorrelationIds(String flags) {
        String key = ApiKeyFormat.generate();
        STAND_INS.authServer.stubFor(post(StandIns.TOKEN_PATH).withRequestBody(containing("subject_token=" + key))
            .willReturn(aResponse().withStatus(500)));
        String path = uniqueBackendPath();

        String correlationId = "corr-" + hex(6);

        List<String> lines = linesFor(path, flags, correlationId, client().get().uri(path).header("X-API-Key", key),
                "Token exchange ");

        assertThat(lines).anyMatch(line -> line.contains("\"logger\":\"org.ssoplatform.gateway.access\""));
        // auth-server's own lines for the exchange name the request's correlation id too (its baggage field).
        assertThat(STAND_INS.authServer.findAll(postRequestedFor(urlPathEqualTo(StandIns.TOKEN_PATH))
            .withRequestBody(containing("subject_token=" + key)))).isNotEmpty()
            .allSatisfy(exchange -> assertThat(exchange.getHeader("X-Correlation-Id")).isEqualTo(correlationId));
    }

    @ParameterizedTest(name = "flags {0}")
    @ValueSource(strings = { "00", "01" })
    void aFailingBackendIsLoggedWithTheRequestsTraceAndCorrelationIds(String flags) {
        String path = uniqueBackendPath();
        STAND_INS.backend.stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        List<String> lines = linesFor(path, flags, "corr-" + hex(6), client().get().uri(path)
            .header("Authorization", "Bearer " + TestTokens.user("request-log-" + flags)), " answered 50");

        assertThat(lines).anyMatch(line -> line.contains("\"logger\":\"org.ssoplatform.gateway.access\""));
    }

    /**
     * Sends the request with a trace of the given flags and a correlation id, waits for its access-log line
     * and a line containing {@code expected}, and checks that every line of the gateway's own since names both.
     */
    private List<String> linesFor(String path, String flags, String correlationId,
            WebTestClient.RequestHeadersSpec<?> request, String expected) {
        String traceId = hex(16);
        tap.clear();

        request.header("traceparent", "00-" + traceId + "-" + hex(8) + "-" + flags)
            .header("X-Correlation-Id", correlationId)
            .exchange()
            .expectStatus().is5xxServerError();

        List<String> lines = await().atMost(Duration.ofSeconds(5)).until(this::gatewayLines,
                seen -> seen.stream().anyMatch(line -> line.contains(expected))
                        && seen.stream().anyMatch(line -> line.contains(" " + path + " ")));
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{")
            .contains("\"traceId\":\"" + traceId + "\"")
            .containsPattern("\"spanId\":\"[0-9a-f]{16}\"")
            .contains("\"X-Correlation-Id\":\"" + correlationId + "\""));
        return lines;
    }

    private List<String> gatewayLines() {
        return tap.lines().stream().filter(line -> line.contains("\"logger\":\"org.ssoplatform.gateway.")).toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
