package org.ssoplatform.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * caller's trace id and the gateway's correlation id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "LOG_FORMAT=ecs", "logging.level.org.springframework.security.web.FilterChainProxy=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void aLineWrittenForARequestIsJsonWithItsTraceAndCorrelationIds(CapturedOutput output) {
        RestClient.create("http://localhost:" + port).get().uri("/examples/public")
            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
            .header("X-Correlation-Id", "corr-structured")
            .retrieve()
            .toBodilessEntity();

        List<String> lines = output.getOut().lines().filter(line -> line.contains(TRACE_ID)).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
            .startsWith("{")
            .contains("\"traceId\":\"" + TRACE_ID + "\"")
            .contains("\"X-Correlation-Id\":\"corr-structured\""));
    }
}
