package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's owner sets its rate limit through the management API, and both gateways apply it within a second of the
 * API's answer: a lowered limit refuses the request past its capacity, a raised one admits more than the old one did.
 */
@EndToEnd
class KeyRateLimitIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(50);

    /** Long enough to report how late a slow change was, rather than only that it was. */
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    private final Stack stack;

    private final Fixtures fixtures;

    KeyRateLimitIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aPatchedLimitIsEnforcedByBothGatewaysWithin1SecondLoweredAndRaised() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("own-limit", null, List.of(), List.of("users:read"));
        for (String gateway : gateways()) {
            assertThat(call(gateway, key).header("RateLimit-Limit")).hasValue(String.valueOf(Stack.API_KEY_RATE_CAPACITY));
        }

        Map<String, Duration> lowered = untilBothGatewaysShow(key, 3, () -> api.setRateLimit(key.id(), 3, 1));
        assertThat(lowered).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
        Poll.sleep(Duration.ofMillis(3500)); // the lowered bucket refills to its 3 at 1 a second
        for (int i = 0; i < 3; i++) {
            Reply admitted = call(gateways().get(i % 2), key);
            Expect.ok(admitted);
            assertThat(admitted.header("RateLimit-Limit")).hasValue("3");
        }
        for (String gateway : List.of(stack.gatewayB(), stack.gatewayA())) {
            Reply refused = call(gateway, key);
            assertThat(refused.status()).as("the request past the capacity of 3, at %s: %s", gateway, refused)
                .isEqualTo(429);
            assertThat(refused.header("RateLimit-Limit")).hasValue("3");
        }

        Map<String, Duration> raised = untilBothGatewaysShow(key, 20, () -> api.setRateLimit(key.id(), 20, 20));
        assertThat(raised).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
        Poll.sleep(Duration.ofMillis(1100)); // the raised bucket fills to its 20
        for (int i = 0; i < 10; i++) {
            Expect.ok(call(gateways().get(i % 2), key)); // more than the lowered limit's 3 at once
        }
    }

    /**
     * Changes the limit, then calls both gateways every 50 ms until each answers with the new one.
     * @return per gateway, the time from the API's confirmation to its first answer with the new limit
     */
    private Map<String, Duration> untilBothGatewaysShow(CreatedKey key, int capacity, Supplier<Reply> change) {
        Reply changed = change.get();
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(((Map<?, ?>) changed.json().get("rate_limit")).get("capacity")).isEqualTo(capacity);
        long confirmed = System.nanoTime();
        Map<String, Duration> appliedAfter = new LinkedHashMap<>();
        Poll.until(() -> "both gateways applying a capacity of " + capacity + " (so far: " + appliedAfter + ")", POLL,
                GIVE_UP, () -> {
                    for (String gateway : gateways()) {
                        if (!appliedAfter.containsKey(gateway)) {
                            Reply reply = call(gateway, key);
                            assertThat(reply.status()).as("%s", reply).isIn(200, 429);
                            if (reply.header("RateLimit-Limit").orElse("").equals(String.valueOf(capacity))) {
                                appliedAfter.put(gateway, Duration.ofNanos(System.nanoTime() - confirmed));
                            }
                        }
                    }
                    return appliedAfter.size() == 2;
                });
        System.out.printf("e2e: capacity %d applied after %s%n", capacity, appliedAfter.values());
        return appliedAfter;
    }

    private List<String> gateways() {
        return List.of(stack.gatewayA(), stack.gatewayB());
    }

    private static Reply call(String gateway, CreatedKey key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key.key()).send();
    }
}
