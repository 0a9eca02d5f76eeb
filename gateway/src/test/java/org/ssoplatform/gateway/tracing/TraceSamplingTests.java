package org.ssoplatform.gateway.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * A caller's W3C trace goes on to the backend and the token exchange whether or not it is sampled: sampled,
 * under a span of the gateway's observation; unsampled, unobserved, under a span id of the gateway's with
 * flags {@code 00}; either way in the caller's trace, which the access log names.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceSamplingTests extends SharedGateway {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]";

    @Test
    void anUnsampledTraceReachesTheBackendAndTheExchangeUnderAGatewaySpan(CapturedOutput output) {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, TestTokens.apiKeyToken("402", Duration.ofMinutes(5)));
        String traceId = hex(16);
        String callerSpan = hex(8);
        String path = uniqueBackendPath();

        client().get().uri(path).header("X-API-Key", key).header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
            .exchange().expectStatus().isOk();

        String backend = single(backendReceived(path)).getHeader("traceparent");
        assertThat(backend).matches(TRACEPARENT).startsWith("00-" + traceId + "-").endsWith("-00").doesNotContain(callerSpan);
        List<LoggedRequest> exchanges = STAND_INS.authServer.findAll(postRequestedFor(urlPathEqualTo(StandIns.TOKEN_PATH))
            .withRequestBody(containing("subject_token=" + key)));
        assertThat(single(exchanges).getHeaders().getHeader("traceparent").values()).singleElement()
            .isEqualTo(backend);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().lines()
            .anyMatch(line -> line.contains(" " + path + " ") && line.contains("trace_id=" + traceId)));
    }

    @Test
    void aSampledTraceReachesTheBackendUnderTheGatewaysOwnSpan(CapturedOutput output) {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user("sampled-trace-user"))
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").exchange().expectStatus().isOk();

        assertThat(single(backendReceived(path)).getHeader("traceparent")).matches(TRACEPARENT)
            .startsWith("00-" + traceId + "-").endsWith("-01").doesNotContain(callerSpan);
        await().atMost(Duration.ofSeconds(5)).until(() -> output.getAll().lines()
            .anyMatch(line -> line.contains(" " + path + " ") && line.contains("trace_id=" + traceId)));
    }

    @Test
    void aRequestWithoutATraceStartsOne() {
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user("new-trace-user"))
            .header("traceparent", "not-a-trace").exchange().expectStatus().isOk();

        assertThat(single(backendReceived(path)).getHeader("traceparent")).matches(TRACEPARENT);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
