package org.ssoplatform.gateway.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.gateway.support.SharedGateway;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-day usage counters as auth-server reads them from Redis. */
class UsageRecorderTests extends SharedGateway {

    @Autowired
    ApiKeyProperties properties;

    @Test
    void requestsEitherSideOfMidnightUtcCountOnTheirOwnDays() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-03T23:59:59.900Z"));
        UsageRecorder usage = new UsageRecorder(redis, redisKeys, properties, clock);
        String apiKeyId = UUID.randomUUID().toString();

        usage.record(apiKeyId);
        usage.record(apiKeyId);
        clock.now = Instant.parse("2026-12-04T00:00:00.100Z");
        usage.record(apiKeyId);
        usage.flush().block();

        Map<Object, Object> counters = redis.opsForHash()
            .entries(redisKeys.usage(apiKeyId))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue)
            .block();
        assertThat(counters).containsOnly(Map.entry("count:2026-12-03", "2"), Map.entry("count:2026-12-04", "1"),
                Map.entry("last_used_at", String.valueOf(clock.now.toEpochMilli())));
    }

    @Test
    void countersExpireSevenDaysAfterTheirLastWriteSoThatUnclaimedOnesNeverStayForever() {
        UsageRecorder usage = new UsageRecorder(redis, redisKeys, properties, Clock.systemUTC());
        String apiKeyId = UUID.randomUUID().toString();

        usage.record(apiKeyId);
        usage.flush().block();

        Duration ttl = redis.getExpire(redisKeys.usage(apiKeyId)).block();
        assertThat(ttl).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
        assertThat(properties.usageCounterTtl()).isEqualTo(Duration.ofDays(7));
    }

    private static final class SettableClock extends Clock {

        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
