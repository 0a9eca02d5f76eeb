package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.AccessLog;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key-guessing guard as shipped (10 refused keys per client address a minute), seen by a guesser
 * on another machine: after ten wrong keys its next guess is answered 429 by every gateway, without
 * asking auth-server, while other clients go on as before.
 */
@EndToEnd
class KeyGuessingIT {

    /** Another loopback address: the guesser is not the machine every other test calls from. */
    private static final String GUESSER = "127.0.0.2";

    private static final int GUARD = 10;

    private final Stack stack;

    private final Fixtures fixtures;

    KeyGuessingIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void afterTenRefusedKeysAnAddressIsAnswered429ByEveryGatewayWithoutAuthServerBeingAsked() {
        CreatedKey marker = fixtures.api(fixtures.member()).createKey("guard-marker", null, List.of(), List.of("users:read"));
        AccessLog authServer = stack.authServerAccessLog();
        long exchangesBefore = authServer.tokenRequests() + GUARD; // one for each refused guess
        for (int i = 0; i < GUARD; i++) {
            String gateway = i % 2 == 0 ? stack.gatewayA() : stack.gatewayB();
            Expect.unauthorized(guess(gateway, ApiKeyFormat.generate()));
        }
        Poll.until("the guesses' exchanges in auth-server's access log", Duration.ofMillis(50), Duration.ofSeconds(5),
                () -> authServer.tokenRequests() >= exchangesBefore);

        Reply blockedOnA = guess(stack.gatewayA(), ApiKeyFormat.generate());
        Reply blockedOnB = guess(stack.gatewayB(), ApiKeyFormat.generate());

        for (Reply blocked : List.of(blockedOnA, blockedOnB)) {
            assertThat(blocked.status()).as("%s", blocked).isEqualTo(429);
            assertThat(blocked.contentType()).startsWith("application/problem+json");
            assertThat(Long.parseLong(blocked.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
        // Another client, meanwhile, is served; its key's exchange is the first auth-server sees since.
        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(marker.key()).send());
        Poll.until("the marker key's exchange in auth-server's access log", Duration.ofMillis(50), Duration.ofSeconds(5),
                () -> authServer.tokenRequests() > exchangesBefore);
        assertThat(authServer.tokenRequests()).as("exchanges since the guesser was blocked").isEqualTo(exchangesBefore + 1);
    }

    private static Reply guess(String gateway, String key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key).sendFrom(GUESSER);
    }
}
