package org.ssoplatform.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/** One access-log line per request, naming the caller by what the gateway verified, never by its secret. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTests extends SharedGateway {

    @Test
    void aKeyedRequestIsLoggedWithItsKeyIdAndNeverTheKeyOrTheExchangedToken(CapturedOutput output) {
        String key = ApiKeyFormat.generate();
        String jwt = TestTokens.apiKeyToken("401", Duration.ofMinutes(5));
        STAND_INS.exchangeIssues(key, jwt);
        String path = uniqueBackendPath();

        client().get().uri(path).header("X-API-Key", key).header("Cookie", "SESSION=secret-cookie")
            .header("X-Correlation-Id", "corr-401").exchange().expectStatus().isOk();

        String line = await().atMost(Duration.ofSeconds(5)).until(() -> lineFor(output, path), l -> l != null);
        assertThat(line).contains("GET " + path, "route=resource-service", "status=200", "caller=key:401",
                "correlation_id=corr-401", "duration_ms=");
        assertThat(output.getAll()).doesNotContain(key).doesNotContain(jwt).doesNotContain("secret-cookie");
    }

    @Test
    void aBearerRequestIsLoggedWithItsSubjectAndARefusedOneWithItsStatus(CapturedOutput output) {
        String jwt = TestTokens.user("access-log-user");
        String path = uniqueBackendPath();
        String refused = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange().expectStatus().isOk();
        client().get().uri(refused).exchange().expectStatus().isUnauthorized();

        String line = await().atMost(Duration.ofSeconds(5)).until(() -> lineFor(output, path), l -> l != null);
        assertThat(line).contains("caller=sub:access-log-user", "status=200");
        String refusedLine = await().atMost(Duration.ofSeconds(5)).until(() -> lineFor(output, refused), l -> l != null);
        assertThat(refusedLine).contains("status=401", "caller=-");
        assertThat(output.getAll()).doesNotContain(jwt);
    }

    private static String lineFor(CapturedOutput output, String path) {
        return output.getAll().lines()
            .filter(l -> l.contains("org.ssoplatform.gateway.access") && l.contains(" " + path + " "))
            .findFirst()
            .orElse(null);
    }
}
