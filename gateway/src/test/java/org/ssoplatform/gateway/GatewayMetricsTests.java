package org.ssoplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;
import org.ssoplatform.testsupport.PrometheusScrape;

/** What the gateway's {@code /actuator/prometheus} shows after the requests that move its meters. */
class GatewayMetricsTests extends SharedGateway {

    @LocalManagementPort
    int managementPort;

    @Test
    void apiKeyLookupsAreCountedByTheTierThatAnsweredAndTheExchangeIsTimed() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "301", Duration.ofMinutes(5));

        client().get().uri("/examples/metrics").header("X-API-Key", key).exchange().expectStatus().isOk();
        client().get().uri("/examples/metrics").header("X-API-Key", key).exchange().expectStatus().isOk();

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(increase(before, after, "platform_apikey_lookups_total", "tier=\"exchange\"")).isEqualTo(1);
        assertThat(increase(before, after, "platform_apikey_lookups_total", "tier=\"local\"")).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "platform_apikey_exchanges_seconds_count", "outcome=\"issued\"")).isEqualTo(1);
        assertThat(after.names()).contains("platform_apikey_exchanges_seconds_bucket");
    }

    @Test
    void refusedKeysAreCountedByReason() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);
        String unknown = ApiKeyFormat.generate();
        STAND_INS.exchangeRefuses(unknown);

        client("127.0.0.31").get().uri("/examples/metrics").header("X-API-Key", "not-a-key").exchange()
            .expectStatus().isUnauthorized();
        client("127.0.0.31").get().uri("/examples/metrics").header("X-API-Key", unknown).exchange()
            .expectStatus().isUnauthorized();

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(increase(before, after, "platform_apikey_refused_total", "reason=\"malformed\"")).isEqualTo(1);
        assertThat(increase(before, after, "platform_apikey_refused_total", "reason=\"unknown\"")).isEqualTo(1);
    }

    @Test
    void revocationLagIsMeasuredFromThePublishTimestamp() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);
        String hash = ApiKeyFormat.hashHex(ApiKeyFormat.generate());

        redis.convertAndSend(redisKeys.invalidations(),
                "{\"hashes\":[\"" + hash + "\"],\"published_at\":" + System.currentTimeMillis() + "}").block();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                increase(before, PrometheusScrape.of(managementPort), "platform_apikey_revocation_lag_seconds_count"))
            .isEqualTo(1));
        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(increase(before, after, "platform_apikey_revocation_lag_seconds_sum")).isBetween(0.0, 5.0);
    }

    @Test
    void rateLimitRefusalsJwksRefreshesAndRequestsPerRouteAreExposed() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "limited-key", Duration.ofMinutes(5)); // capacity 2 (StandIns)
        int refused = 0;
        for (int i = 0; i < 6 && refused == 0; i++) {
            if (client().get().uri("/examples/limited").header("X-API-Key", key).exchange().returnResult(String.class)
                .getStatus().value() == 429) {
                refused++;
            }
        }
        client().get().uri("/examples/jwt").header("Authorization", "Bearer " + TestTokens.user("metrics-user"))
            .exchange().expectStatus().isOk();

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(increase(before, after, "platform_ratelimit_refusals_total", "caller=\"api_key\"")).isEqualTo(refused).isEqualTo(1);
        assertThat(after.value("platform_jwks_refreshes_total", "outcome=\"success\"")).isGreaterThanOrEqualTo(1);
        assertThat(after.value("spring_cloud_gateway_requests_seconds_count", "routeId=\"resource-service\""))
            .isGreaterThanOrEqualTo(4);
        after.assertExposesListed("gateway");
    }

    @Test
    void aSampledRequestIsTimedOnceByItsRouteAndNotAgainByItsObservations() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);

        client().get().uri("/examples/jwt").header("Authorization", "Bearer " + TestTokens.user("sampled-user"))
            .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .exchange().expectStatus().isOk();

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(increase(before, after, "spring_cloud_gateway_requests_seconds_count", "routeId=\"resource-service\""))
            .isEqualTo(1);
        assertThat(after.names()).noneMatch(name -> name.startsWith("spring_cloud_gateway_http_client_requests")
                || name.startsWith("http_server_requests") || name.startsWith("http_client_requests"));
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
