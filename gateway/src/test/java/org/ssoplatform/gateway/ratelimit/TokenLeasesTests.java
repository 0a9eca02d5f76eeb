package org.ssoplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import org.ssoplatform.gateway.ratelimit.TokenLeases.Decision;
import org.ssoplatform.gateway.support.SharedGateway;

import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Batches of tokens taken from the shared Redis bucket: fewer Redis calls, never more requests than the limit. */
class TokenLeasesTests extends SharedGateway {

    @Autowired
    RedisTokenBucket bucket;

    @Autowired
    RateLimitProperties properties;

    /** 60 requests a minute at most: nothing comes back during the test. */
    private static final Limit BURST_OF_60 = new Limit(60, 0.001);

    @Test
    void twoInstancesTogetherNeverAdmitMoreThanTheBucketHolds() {
        TokenLeases gatewayA = new TokenLeases(bucket, properties);
        TokenLeases gatewayB = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            TokenLeases instance = i % 3 == 0 ? gatewayB : gatewayA;
            if (take(instance, subject, BURST_OF_60).block().orElseThrow().allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(60);
    }

    @Test
    void aBusyBucketIsAskedOncePerBatch() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        assertThat(gateway.batch(BURST_OF_60)).isEqualTo(3);

        assertThat(take(gateway, subject).remaining()).isEqualTo(59L);
        assertThat(redisTokens(subject)).isEqualTo(57); // one call took three tokens
        assertThat(take(gateway, subject).remaining()).isEqualTo(58L);
        // Past half the batch, the next one is taken in the background while a token is still left.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(redisTokens(subject)).isEqualTo(54));

        List<Decision> next = List.of(take(gateway, subject), take(gateway, subject));
        assertThat(next).extracting(Decision::remaining).containsExactly(57L, 56L); // the left-over token was kept
        assertThat(redisTokens(subject)).isEqualTo(54); // both served from the batch taken ahead
    }

    @Test
    void tokensTakenAheadAreAllUsedBeforeTheBucketRefuses() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 80; i++) {
            Decision decision = take(gateway, subject);
            if (decision.allowed()) {
                allowed++;
            }
            else {
                assertThat(decision.retryAfterMillis()).isPositive();
            }
        }
        assertThat(allowed).isEqualTo(60); // no token of a batch was dropped when the next one came
        assertThat(redisTokens(subject)).isZero();
    }

    @Test
    void requestsFindingTheLeaseUsedUpAtOnceShareOneRefill() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        Limit thousand = new Limit(1000, 0.001);
        int batch = gateway.batch(thousand);

        List<Decision> decisions = Flux.range(0, batch)
            .flatMap(i -> take(gateway, subject, thousand), batch) // all in flight before Redis answers
            .map(Optional::orElseThrow)
            .collectList()
            .block();

        assertThat(decisions).hasSize(batch).allMatch(Decision::allowed);
        // One batch for them all, not one call per request; at most the next one taken ahead as well, by
        // those that took their token from the new lease after it was cached.
        assertThat(redisTokens(subject)).isBetween(1000L - 2 * batch, 1000L - batch);
    }

    @Test
    void moreRequestsAtOnceThanABatchHoldsAreEachDecided() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();

        List<Decision> decisions = Flux.range(0, 10)
            .flatMap(i -> take(gateway, subject, BURST_OF_60), 10) // a batch of 3 shared by 10
            .map(Optional::orElseThrow)
            .collectList()
            .block(Duration.ofSeconds(5));

        assertThat(decisions).hasSize(10).allMatch(Decision::allowed);
        assertThat(redisTokens(subject)).isLessThanOrEqualTo(50); // at least one token each came from Redis
    }

    @Test
    void aBusySubjectIsGivenBatchesSizedToItsRate() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        Limit million = new Limit(1_000_000, 0.001);
        assertThat(gateway.batch(million)).isEqualTo(1000);

        for (int i = 0; i < TokenLeases.FIRST_BATCH; i++) {
            assertThat(take(gateway, subject, million).block().orElseThrow().allowed()).isTrue();
        }

        // Half the first batch went in far less than a tenth of the lease time (100 ms): the next one,
        // taken ahead, is what that rate uses in 100 ms, up to the largest batch.
        await().atMost(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(redisTokens(subject)).isLessThan(1_000_000L - 2 * TokenLeases.FIRST_BATCH));
        assertThat(redisTokens(subject)).isGreaterThanOrEqualTo(1_000_000L - TokenLeases.FIRST_BATCH - 1000);
    }

    @Test
    void requestsServedAsARefillArrivesStillHaveTheNextBatchTakenAhead() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        Limit million = new Limit(1_000_000, 0.001);

        // All on the thread that delivers the first batch, before it is done with delivering it: the
        // request that takes the batch below half starts the next refill there.
        List<Decision> decisions = take(gateway, subject, million)
            .flatMapMany(first -> Flux.range(1, TokenLeases.FIRST_BATCH - 1)
                .concatMap(i -> take(gateway, subject, million))
                .startWith(first))
            .map(Optional::orElseThrow)
            .collectList()
            .block(Duration.ofSeconds(5));

        assertThat(decisions).hasSize(TokenLeases.FIRST_BATCH).allMatch(Decision::allowed);
        await().atMost(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(redisTokens(subject)).isLessThan(1_000_000L - TokenLeases.FIRST_BATCH));
    }

    @Test
    void aSlowSubjectTakesNoMoreThanTheFirstBatchAtOnce() throws InterruptedException {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        Limit million = new Limit(1_000_000, 0.001);

        for (int i = 0; i <= TokenLeases.FIRST_BATCH / 2; i++) {
            assertThat(take(gateway, subject, million).block().orElseThrow().allowed()).isTrue();
            Thread.sleep(10); // 26 tokens in over 250 ms: at that rate, 100 ms use fewer than 50
        }

        await().atMost(Duration.ofSeconds(2))
            .untilAsserted(() -> assertThat(redisTokens(subject)).isEqualTo(1_000_000L - 2 * TokenLeases.FIRST_BATCH));
    }

    @Test
    void smallBucketsAreAskedForEveryRequest() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        assertThat(gateway.batch(new Limit(39, 1))).isEqualTo(1);
    }

    /** A key whose limit was lowered: the tokens its instance took ahead for the old bucket are not spent. */
    @Test
    void aLeaseTakenForAnotherLimitIsNotSpent() {
        TokenLeases gateway = new TokenLeases(bucket, properties);
        String subject = "apikey:" + UUID.randomUUID();
        assertThat(take(gateway, subject).allowed()).isTrue(); // a lease of a batch of 3
        Limit lowered = new Limit(2, 0.001);

        List<Boolean> allowed = Flux.range(0, 4)
            .concatMap(i -> take(gateway, subject, lowered))
            .map(decision -> decision.orElseThrow().allowed())
            .collectList()
            .block(Duration.ofSeconds(5));

        assertThat(allowed).containsExactly(true, true, false, false);
    }

    private static Decision take(TokenLeases gateway, String subject) {
        return take(gateway, subject, BURST_OF_60).block().orElseThrow();
    }

    /** A token as the rate limiter asks for one: from the current lease, else from the shared bucket. */
    private static Mono<Optional<Decision>> take(TokenLeases gateway, String subject, Limit limit) {
        return Mono.defer(() -> {
            Decision local = gateway.takeLocal(subject, limit);
            return local != null ? Mono.just(Optional.of(local)) : gateway.takeShared(subject, limit);
        });
    }

    private long redisTokens(String subject) {
        String tokens = (String) redis.opsForHash().get(redisKeys.rateLimit(subject), "tokens").block();
        return (long) Math.floor(Double.parseDouble(tokens));
    }
}
