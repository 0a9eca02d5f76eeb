package org.ssoplatform.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's {@code last_used_at}, which the owner sees in the management API, follows its use through
 * the gateways (their usage counters in Redis, flushed by auth-server) within seconds, and so do its
 * requests per day.
 */
@EndToEnd
class KeyUsageIT {

    private final Stack stack;

    private final Fixtures fixtures;

    KeyUsageIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void callsThroughTheGatewaysSetTheKeysLastUsedAtWithinSeconds() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("used", null, List.of(), List.of("users:read"));
        assertThat(Expect.ok(api.getKey(key.id())).get("last_used_at")).as("never used yet").isNull();

        Instant used = Instant.now();
        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(key.key()).send());
        Expect.ok(Http.get(stack.gatewayB() + "/examples/read-users-permission").apiKey(key.key()).send());

        AtomicReference<Object> lastUsedAt = new AtomicReference<>();
        Poll.until(() -> "last_used_at set (last seen: " + lastUsedAt.get() + ")", Duration.ofMillis(250),
                Duration.ofSeconds(10), () -> {
                    lastUsedAt.set(Expect.ok(api.getKey(key.id())).get("last_used_at"));
                    return lastUsedAt.get() != null;
                });

        Instant seen = OffsetDateTime.parse((String) lastUsedAt.get()).toInstant();
        assertThat(seen).isBetween(used.minusSeconds(1), Instant.now().plusSeconds(1));

        // The two calls, one through each gateway, are counted once each on today's line of the usage API.
        AtomicReference<Object> today = new AtomicReference<>();
        Poll.until(() -> "today's requests counted (last seen: " + today.get() + ")", Duration.ofMillis(250),
                Duration.ofSeconds(10), () -> {
                    List<?> days = (List<?>) Expect.ok(api.keyUsage(key.id(), 2)).get("days");
                    today.set(days.get(days.size() - 1));
                    return today.get() instanceof Map<?, ?> day && ((Number) day.get("requests")).longValue() == 2;
                });
        assertThat(((Map<?, ?>) today.get()).get("date")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }
}
