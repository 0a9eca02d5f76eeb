package org.ssoplatform.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
 * A key's life seen through the gateways: it stops at its {@code expires_at} (not when some cached
 * token happens to run out), and after a rotation the old secret keeps working for the grace period
 * and then stops, while the new one goes on.
 */
@EndToEnd
class KeyLifetimeIT {

    /** How far off the poll may see a change: its interval, plus a loaded machine's latency. */
    private static final Duration TOLERANCE = Duration.ofMillis(1500);

    private static final Duration POLL = Duration.ofMillis(100);

    /**
     * How early a key may stop: token lifetimes are whole seconds (JWT NumericDate), so an exchange
     * in a key's last second may reasonably be refused rather than yield a token that never lives.
     */
    private static final Duration EARLY = Duration.ofSeconds(1);

    private final Stack stack;

    private final Fixtures fixtures;

    KeyLifetimeIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aKeyStopsWorkingThroughTheGatewayAtItsExpiry() {
        ManagementApi api = fixtures.api(fixtures.member()); // signed in before the clock starts
        api.permissionId("users:read");
        Instant expiresAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        CreatedKey key = api.createKey("short-lived", expiresAt, List.of(), List.of("users:read"));
        Expect.ok(call(stack.gatewayA(), key.key()));
        Expect.ok(call(stack.gatewayB(), key.key()));

        Poll.until("the expired key refused", POLL, Duration.ofSeconds(15), () -> {
            Reply reply = call(stack.gatewayA(), key.key());
            long sinceExpiry = Duration.between(expiresAt, Instant.now()).toMillis();
            if (reply.status() == 200) {
                assertThat(sinceExpiry).as("still accepted %d ms after its expiry", sinceExpiry)
                    .isLessThan(TOLERANCE.toMillis());
                return false;
            }
            assertThat(reply.status()).as("answered %d ms after expires_at (negative: before): %s", sinceExpiry, reply)
                .isEqualTo(401);
            Expect.unauthorized(reply);
            assertThat(sinceExpiry).as("refused %d ms before its expiry", -sinceExpiry)
                .isGreaterThanOrEqualTo(-EARLY.toMillis());
            return true;
        });
        Expect.unauthorized(call(stack.gatewayB(), key.key()));
    }

    @Test
    void afterARotationTheOldSecretWorksForTheGracePeriodThenOnlyTheNewOne() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("to-rotate", null, List.of(), List.of("users:read"));
        Expect.ok(call(stack.gatewayA(), key.key())); // cached by both gateways before the rotation
        Expect.ok(call(stack.gatewayB(), key.key()));

        // The grace period starts while auth-server handles the call: between these two instants.
        Instant beforeRotation = Instant.now();
        Reply rotation = api.rotateKey(key.id());
        Instant rotated = Instant.now();
        assertThat(rotation.status()).as("%s", rotation).isEqualTo(200);
        String newKey = (String) rotation.json().get("key");
        assertThat(newKey).isNotEqualTo(key.key()).matches("ssop_[0-9A-Za-z]{46}");

        for (String gateway : List.of(stack.gatewayA(), stack.gatewayB())) {
            Expect.ok(call(gateway, newKey));
            Expect.ok(call(gateway, key.key()));
        }
        AtomicReference<Reply> firstRefusal = new AtomicReference<>();
        Poll.until("the old secret refused after the grace period", POLL, Stack.ROTATION_GRACE.plusSeconds(10), () -> {
            Reply reply = call(stack.gatewayA(), key.key());
            return reply.status() != 200 && firstRefusal.compareAndSet(null, reply);
        });
        Instant refused = Instant.now();
        Duration oldRefusedAfter = Duration.between(rotated, refused);

        assertThat(firstRefusal.get().status()).as("the old secret, %s after the rotation: %s", oldRefusedAfter,
                firstRefusal.get()).isEqualTo(401);
        Duration sinceRequested = Duration.between(beforeRotation, refused);
        assertThat(sinceRequested).as("old secret refused %s after the rotation was asked for", sinceRequested)
            .isGreaterThanOrEqualTo(Stack.ROTATION_GRACE.minus(EARLY));
        assertThat(oldRefusedAfter).as("old secret refused %s after the rotation", oldRefusedAfter)
            .isLessThanOrEqualTo(Stack.ROTATION_GRACE.plus(TOLERANCE));
        Expect.unauthorized(call(stack.gatewayA(), key.key()));
        Expect.unauthorized(call(stack.gatewayB(), key.key()));
        Expect.ok(call(stack.gatewayA(), newKey));
        Expect.ok(call(stack.gatewayB(), newKey));
    }

    private static Reply call(String gateway, String key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key).send();
    }
}
