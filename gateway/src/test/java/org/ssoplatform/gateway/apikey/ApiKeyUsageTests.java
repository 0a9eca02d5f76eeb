package org.ssoplatform.gateway.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.support.SharedGateway;

/** Usage counters and rate limits per key. */
class ApiKeyUsageTests extends SharedGateway {

    @Test
    void usageIsCountedPerKeyInRedis() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "105", Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            client().get().uri("/examples/usage").header("X-API-Key", key).exchange().expectStatus().isOk();
        }

        String field = "count:" + LocalDate.now(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Map<Object, Object> usage = redis.opsForHash()
                .entries(redisKeys.usage("105"))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .block();
            assertThat(usage).containsEntry(field, "3").containsKey("last_used_at");
            assertThat(redis.opsForSet().isMember(redisKeys.usageDirty(RedisKeys.usageShard("105")), "105").block()).isTrue();
        });
    }

    @Test
    void keyTrafficIsRateLimitedPerKeyIdWithRateLimitHeaders() {
        String key = ApiKeyFormat.generate();
        STAND_INS.exchangeIssues(key, "limited-key", Duration.ofMinutes(5));

        for (int i = 0; i < 2; i++) {
            client().get().uri("/examples/limited").header("X-API-Key", key).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", "2");
        }

        client().get().uri("/examples/limited").header("X-API-Key", key).exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
            .expectHeader().valueEquals("RateLimit-Limit", "2")
            .expectHeader().valueEquals("RateLimit-Remaining", "0")
            .expectHeader().valueMatches("RateLimit-Reset", "[1-9][0-9]*");
    }
}
