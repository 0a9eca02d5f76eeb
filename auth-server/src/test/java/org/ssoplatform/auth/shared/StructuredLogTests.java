package org.ssoplatform.auth.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import org.ssoplatform.testsupport.RealPostgres;
import org.ssoplatform.testsupport.RealRedis;

/**
 * LOG_FORMAT=ecs: the lines auth-server writes for a request are JSON and name the gateway's trace (sampled or
 * not) and correlation id, in the fields every app uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "LOG_FORMAT=ecs", "logging.level.org.springframework.security.web.FilterChainProxy=DEBUG" })
@Import({ RealPostgres.class, RealRedis.class })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "flags {0}")
    @CsvSource({ "01, 3c5b1f0e9d2a4b6c8e7f1a2b3c4d5e6f", "00, 6e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b" })
    void aRequestsLinesAreJsonWithItsTraceAndCorrelationIds(String flags, String traceId, CapturedOutput output) {
        RestClient.create("http://localhost:" + port).get().uri("/api/v1/signing-keys?run=" + flags)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + flags)
            .header("X-Correlation-Id", "corr-auth-" + flags)
            .retrieve()
            .onStatus(HttpStatusCode::isError, (request, response) -> {
            })
            .toBodilessEntity();

        List<String> lines = output.getOut().lines().filter(line -> line.contains("/api/v1/signing-keys?run=" + flags))
            .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
            .startsWith("{")
            .contains("\"traceId\":\"" + traceId + "\"")
            .contains("\"X-Correlation-Id\":\"corr-auth-" + flags + "\""));
    }
}
