package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits as a client meets them: {@code RateLimit-*} headers on every limited answer, and past
 * the bucket a 429 problem with {@code Retry-After}, after which the client may go on. The gateways
 * of this run allow {@value Stack#API_KEY_RATE_CAPACITY} requests at once per key and
 * {@value Stack#USER_RATE_CAPACITY} per user.
 */
@EndToEnd
class RateLimitIT {

    private final Stack stack;

    private final Fixtures fixtures;

    RateLimitIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aKeyBeyondItsLimitGets429WithRetryAfterAndRateLimitHeaders() {
        CreatedKey key = fixtures.api(fixtures.member()).createKey("busy-key", null, List.of(), List.of("users:read"));
        Supplier<Http> request = () -> Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(key.key());

        exceedTheLimitThenRecover(request, Stack.API_KEY_RATE_CAPACITY);
    }

    @Test
    void aUserBeyondTheirLimitGets429WithRetryAfterAndRateLimitHeaders() {
        String token = fixtures.newUser("busy").accessToken();
        Supplier<Http> request = () -> Http.get(stack.gatewayA() + "/examples/jwt-only").bearer(token);

        exceedTheLimitThenRecover(request, Stack.USER_RATE_CAPACITY);
    }

    private void exceedTheLimitThenRecover(Supplier<Http> request, int capacity) {
        Reply first = request.get().send();
        Expect.ok(first);
        assertThat(first.header("RateLimit-Limit")).hasValue(String.valueOf(capacity));
        assertThat(first.header("RateLimit-Remaining")).hasValueSatisfying(
                remaining -> assertThat(Integer.parseInt(remaining)).isBetween(0, capacity - 1));
        assertThat(first.header("RateLimit-Reset")).isPresent();

        List<Reply> refused = burstsUntilRefused(request, capacity);

        Reply limited = refused.get(0);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("RateLimit-Limit")).hasValue(String.valueOf(capacity));
        assertThat(limited.header("RateLimit-Remaining")).hasValue("0");
        long retryAfter = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        Poll.sleep(Duration.ofSeconds(retryAfter));
        Expect.ok(request.get().send());
    }

    /**
     * Bursts of {@code capacity} concurrent requests until some are refused: on a loaded machine one
     * burst may take long enough for the bucket to refill in between.
     */
    private static List<Reply> burstsUntilRefused(Supplier<Http> request, int capacity) {
        for (int round = 0; round < 10; round++) {
            List<CompletableFuture<Reply>> sent = IntStream.range(0, capacity)
                .mapToObj(i -> request.get().sendAsync())
                .toList();
            List<Reply> burst = sent.stream().map(CompletableFuture::join).toList();
            assertThat(burst).allSatisfy(r -> assertThat(r.status()).as("%s", r).isIn(200, 429));
            List<Reply> refused = burst.stream().filter(r -> r.status() == 429).toList();
            if (!refused.isEmpty()) {
                return refused;
            }
        }
        throw new AssertionError("No 429 after 10 bursts of " + capacity + " requests");
    }
}
