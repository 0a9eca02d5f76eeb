package org.ssoplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.HeaderTap.BackendRequest;
import org.ssoplatform.e2e.stack.Stack;

/**
 * A caller's W3C trace goes on through the gateway: to the backend, and to auth-server with the gateway's
 * token exchange for the request's API key; the gateway's access-log line names the same trace.
 */
@EndToEnd
class TracePropagationIT {

    private final Stack stack;

    private final Fixtures fixtures;

    TracePropagationIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void oneKeyedRequestsTraceReachesTheBackendAndAuthServerAndTheAccessLog() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("traced", null, List.of(), List.of("users:read"));
        String traceId = hex(16);
        String callerSpan = hex(8);
        String correlationId = "trace-" + UUID.randomUUID();

        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only")
            .apiKey(key.key())
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .header("X-Correlation-Id", correlationId)
            .send());

        BackendRequest backend = stack.backendTap().requestWith("X-Correlation-Id", correlationId).orElseThrow();
        assertThat(backend.header("traceparent")).hasValueSatisfying(value -> assertThat(value)
            .as("the gateway's own span as parent, in the caller's trace")
            .startsWith("00-" + traceId + "-")
            .doesNotContain(callerSpan));
        assertThat(stack.authServerAccessLog().lines())
            .anyMatch(line -> line.contains("\"POST /oauth2/token ") && line.contains("00-" + traceId + "-"));
        Poll.until(() -> "the gateway's access-log line of " + correlationId, Duration.ofMillis(100),
                Duration.ofSeconds(5), () -> stack.gatewayLogs().lines()
                    .anyMatch(line -> line.contains("correlation_id=" + correlationId) && line.contains("trace_id=" + traceId)
                            && line.contains("caller=key:" + key.id())));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
