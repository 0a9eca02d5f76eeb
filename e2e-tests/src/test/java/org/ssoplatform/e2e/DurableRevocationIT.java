package org.ssoplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

/**
 * Revocation survives a Redis outage: a key deactivated while Redis is away from the whole platform (auth-server
 * and both gateways) is refused by both gateways within a second of Redis coming back.
 */
@EndToEnd
class DurableRevocationIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final Stack stack;

    private final Fixtures fixtures;

    DurableRevocationIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aKeyDeactivatedWhileRedisIsDownIsRefusedByBothGatewaysWithinOneSecondOfItsReturn() throws Exception {
        ManagementApi api = fixtures.api(fixtures.member());
        CreatedKey key = api.createKey("deactivated-in-outage", null, List.of(), List.of("users:read"));
        List<String> gateways = List.of(stack.gatewayA(), stack.gatewayB());
        for (String gateway : gateways) {
            assertThat(call(gateway, key).status()).isEqualTo(200);
            assertThat(call(gateway, key).status()).isEqualTo(200); // now cached there
        }

        stack.redisLink().stop();
        long back;
        try {
            Reply deactivated = api.deactivateKey(key.id());
            assertThat(deactivated.status()).as("%s", deactivated).isEqualTo(200);
            Thread.sleep(1_500); // auth-server's relay fails a few times meanwhile
        }
        finally {
            stack.redisLink().start();
            back = System.nanoTime();
        }

        Map<String, Duration> refusedAfter = new LinkedHashMap<>();
        Poll.until(() -> "both gateways refusing the key (so far: " + refusedAfter + ")", Duration.ofMillis(50),
                Duration.ofSeconds(10), () -> {
                    for (String gateway : gateways) {
                        if (!refusedAfter.containsKey(gateway) && call(gateway, key).status() == 401) {
                            refusedAfter.put(gateway, Duration.ofNanos(System.nanoTime() - back));
                        }
                    }
                    return refusedAfter.size() == gateways.size();
                });
        System.out.printf("e2e: refused after Redis returned: %s%n", refusedAfter);
        assertThat(refusedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
        for (String gateway : gateways) {
            assertThat(call(gateway, key).status()).as("still refused by %s", gateway).isEqualTo(401);
        }
    }

    private static Reply call(String gateway, CreatedKey key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key.key()).send();
    }
}
