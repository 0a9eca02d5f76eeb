package org.ssoplatform.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.ssoplatform.resourceserver.testing.TestTokens;

/**
 * LOG_FORMAT=ecs: one JSON object a line, and a line written while serving a request carries the
 * caller's trace id and the gateway's correlation id, whether the caller sampled the trace or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "LOG_FORMAT=ecs", "logging.level.org.springframework.security.web.FilterChainProxy=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @ParameterizedTest(name = "flags {0}")
    @CsvSource({ "01, 4bf92f3577b34da6a3ce929d0e0e4736", "00, 5ce0a3468c45eb7b4dfa03a1f1f1e847" })
    void aLineWrittenForARequestIsJsonWithItsTraceAndCorrelationIds(String flags, String traceId,
            CapturedOutput output) {
        RestClient.create("http://localhost:" + port).get().uri("/examples/public?run=" + flags)
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-" + flags)
            .header("X-Correlation-Id", "corr-structured-" + flags)
            .retrieve()
            .toBodilessEntity();

        // Spring Security's DEBUG lines name the request's path: lines of the request, not of the trace id.
        List<String> lines = output.getOut().lines().filter(line -> line.contains("/examples/public?run=" + flags))
            .toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
            .startsWith("{")
            .contains("\"traceId\":\"" + traceId + "\"")
            .contains("\"X-Correlation-Id\":\"corr-structured-" + flags + "\""));
    }
}
