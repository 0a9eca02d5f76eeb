package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revocation across replicas: a key both gateways have cached stops working on both within a second
 * of the management API confirming the revocation, however it was revoked.
 */
@EndToEnd
class KeyRevocationIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(50);

    /** Long enough to report how late a slow revocation was, rather than only that it was. */
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    private final Stack stack;

    private final Fixtures fixtures;

    KeyRevocationIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void deletedKeyIsRejectedByBothGatewaysWithin1Second() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("to-delete", null, List.of(), List.of("users:read"));
        acceptedByBothGateways(key);

        Map<String, Duration> rejectedAfter = untilBothGatewaysReject(key, () -> api.deleteKey(key.id()), 204);

        assertThat(rejectedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
    }

    @Test
    void deactivatedKeyIsRejectedByBothGatewaysWithin1Second() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("to-deactivate", null, List.of(), List.of("users:read"));
        acceptedByBothGateways(key);

        Map<String, Duration> rejectedAfter = untilBothGatewaysReject(key, () -> api.deactivateKey(key.id()), 200);

        assertThat(rejectedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
    }

    /** A leaked key cut off by a rotation without grace: the old secret stops, the new one works. */
    @Test
    void aKeyRotatedWithoutGraceIsRejectedByBothGatewaysWithin1Second() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("leaked", null, List.of(), List.of("users:read"));
        acceptedByBothGateways(key);
        AtomicReference<Reply> rotation = new AtomicReference<>();

        Map<String, Duration> rejectedAfter = untilBothGatewaysReject(key, () -> {
            rotation.set(api.rotateKey(key.id(), 0));
            return rotation.get();
        }, 200);

        assertThat(rejectedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
        String fresh = (String) rotation.get().json().get("key");
        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(fresh).send());
        Expect.ok(Http.get(stack.gatewayB() + "/examples/apikey-only").apiKey(fresh).send());
    }

    @Test
    void reactivatedKeyWorksAgainOnBothGatewaysWithin1Second() {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("to-reactivate", null, List.of(), List.of("users:read"));
        acceptedByBothGateways(key);
        untilBothGatewaysReject(key, () -> api.deactivateKey(key.id()), 200); // now remembered as refused

        answered(api.activateKey(key.id()), 200);
        Duration elapsed = Poll.until("the reactivated key accepted by both gateways", POLL, GIVE_UP,
                () -> status(stack.gatewayA(), key) == 200 && status(stack.gatewayB(), key) == 200);

        assertThat(elapsed).isLessThanOrEqualTo(WITHIN);
    }

    @Test
    void deactivatingAUserRejectsTheirKeysOnBothGatewaysWithin1Second() {
        SignedInUser owner = fixtures.newUser("leaver");
        CreatedKey key = fixtures.api(owner).createKey("leavers-key", null, List.of(), List.of("users:read"));
        acceptedByBothGateways(key);
        ManagementApi admin = fixtures.api(fixtures.admin());

        Map<String, Duration> rejectedAfter = untilBothGatewaysReject(key, () -> admin.deactivateUser(owner.id()), 200);

        assertThat(rejectedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
    }

    /** Both gateways accept the key, so both hold it in their caches. */
    private void acceptedByBothGateways(CreatedKey key) {
        for (String gateway : List.of(stack.gatewayA(), stack.gatewayB())) {
            Expect.ok(call(gateway, key));
            Expect.ok(call(gateway, key));
        }
    }

    /**
     * Revokes, then calls both gateways every 50 ms until each refuses the key.
     * @param confirmation the status the management API confirms this revocation with
     * @return per gateway, the time from the API's confirmation to its first refusal
     */
    private Map<String, Duration> untilBothGatewaysReject(CreatedKey key, Supplier<Reply> revoke, int confirmation) {
        answered(revoke.get(), confirmation);
        long confirmed = System.nanoTime();
        Map<String, Duration> rejectedAfter = new LinkedHashMap<>();
        List<String> gateways = List.of(stack.gatewayA(), stack.gatewayB());
        Poll.until(() -> "both gateways refusing the revoked key (so far: " + rejectedAfter + ")", POLL, GIVE_UP, () -> {
            for (String gateway : gateways) {
                if (!rejectedAfter.containsKey(gateway)) {
                    Reply reply = call(gateway, key);
                    if (reply.status() == 401) {
                        rejectedAfter.put(gateway, Duration.ofNanos(System.nanoTime() - confirmed));
                        Expect.unauthorized(reply);
                    }
                    else {
                        assertThat(reply.status()).as("still accepted, or failing otherwise: %s", reply).isEqualTo(200);
                    }
                }
            }
            return rejectedAfter.size() == gateways.size();
        });
        System.out.printf("e2e: %s refused after %s%n", key.body().get("name"), rejectedAfter.values());
        return rejectedAfter;
    }

    private int status(String gateway, CreatedKey key) {
        return call(gateway, key).status();
    }

    private static Reply call(String gateway, CreatedKey key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key.key()).send();
    }

    private static void answered(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    }
}
