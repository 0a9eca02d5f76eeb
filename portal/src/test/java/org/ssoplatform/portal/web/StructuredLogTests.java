package org.ssoplatform.portal.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.PortalTest;

/**
 * LOG_FORMAT=ecs: the lines the portal writes for a page, its own warning included, are JSON and name the
 * gateway's trace (sampled or not) and correlation id, in the fields the other apps use.
 */
@TestPropertySource(properties = { "LOG_FORMAT=ecs",
        "logging.level.org.springframework.security.web.FilterChainProxy=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests extends PortalTest {

    @ParameterizedTest(name = "flags {0}")
    @CsvSource({ "01, 0af7651916cd43dd8448eb211c80319c", "00, 7d3efb1b173fecfa6d2f5f9e2b3c4d51" })
    void aPagesLinesAreJsonWithItsTraceAndCorrelationIds(String flags, String traceId, CapturedOutput output) {
        AUTH_SERVER.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        MvcTestResult page = mvc.get().uri("/portal/account?run=" + flags).with(signedIn(7))
            .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-" + flags)
            .header("X-Correlation-Id", "corr-portal-" + flags)
            .exchange();

        assertThat(page).hasStatus(503);
        List<String> lines = output.getOut().lines()
            .filter(line -> line.contains("/portal/account?run=" + flags) || line.contains("Management API unreachable"))
            .toList();
        assertThat(lines).anyMatch(line -> line.contains("Management API unreachable"))
            .allSatisfy(line -> assertThat(line).startsWith("{")
                .contains("\"traceId\":\"" + traceId + "\"")
                .contains("\"X-Correlation-Id\":\"corr-portal-" + flags + "\""));
    }
}
