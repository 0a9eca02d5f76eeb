package org.ssoplatform.gateway.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import org.ssoplatform.gateway.ratelimit.RedisTokenBucket.Grant;
import reactor.core.publisher.Mono;

/**
 * Hands out a subject's tokens from a small batch taken from its shared Redis bucket, so a busy key
 * costs one Redis call per batch instead of one per request. A batch is {@value #FIRST_BATCH} tokens,
 * or what the subject uses in a tenth of the lease time at the rate it used its current lease, if that
 * is more; never more than a twentieth of the bucket's capacity or {@code max-batch}. Buckets under 40
 * tokens take one at a time, exactly as without batching. Tokens are only ever taken from Redis before
 * they are used, so the limit is never exceeded across instances; tokens of a batch left unused when
 * its lease ends are lost, which at worst refuses a caller a few requests early.
 * <p>
 * Half-way through a batch the next one is asked for in the background and the tokens still left are
 * carried over into it, so a busy subject's requests do not wait for Redis: requests that find the lease
 * empty would all wait with the one that asks, and those set a busy key's tail latency (see
 * docs/performance.md#token-leases). Requests that find a lease used up all the same share one refill.
 * Sizing batches by the subject's rate spares a busy key a Redis call every {@value #FIRST_BATCH} requests
 * while a slow one takes no more at once than before (see docs/performance.md#token-leases).
 */
final class TokenLeases {

    record Decision(boolean allowed, long remaining, long retryAfterMillis, long resetMillis) {
    }

    /** The batch of a subject whose rate is not known yet, and the smallest batch of any other. */
    static final int FIRST_BATCH = 50;

    /** Tokens of one batch still to hand out, and the bucket as Redis reported it. */
    private static final class Lease {

        /** The bucket the batch was taken for: a key whose limit changed does not spend the old one's tokens. */
        private final Limit limit;

        private final long startedNanos;

        private final long expiresAtNanos;

        private final Grant grant;

        private final long refillBelow;

        private long left;

        private long taken;

        private boolean refillAsked;

        Lease(Limit limit, Grant grant, long carried, long startedNanos, long expiresAtNanos) {
            this.limit = limit;
            this.grant = grant;
            this.left = grant.granted() + carried;
            this.refillBelow = (grant.granted() + 1) / 2;
            this.startedNanos = startedNanos;
            this.expiresAtNanos = expiresAtNanos;
        }

        synchronized Decision take(long nowNanos) {
            if (left == 0 || nowNanos - expiresAtNanos > 0) {
                return null;
            }
            left--;
            taken++;
            return new Decision(true, grant.remaining() + left, 0, grant.resetMillis());
        }

        /** The tokens this lease's rate so far would use in {@code spanNanos} (at least 1 ms measured). */
        synchronized long usedIn(long spanNanos, long nowNanos) {
            return taken * spanNanos / Math.max(nowNanos - startedNanos, 1_000_000);
        }

        /** True once, for the request that takes the lease below half its batch. */
        synchronized boolean refillDue() {
            if (refillAsked || left >= refillBelow) {
                return false;
            }
            refillAsked = true;
            return true;
        }

        /** The tokens still usable, which the next lease takes over. */
        synchronized long handOver(long nowNanos) {
            long usable = nowNanos - expiresAtNanos > 0 ? 0 : left;
            left = 0;
            return usable;
        }
    }

    /** What one Redis call brought: the bucket's answer and, if it granted tokens, their lease. */
    private record Refill(Grant grant, Lease lease) {
    }

    private final RedisTokenBucket bucket;

    private final RateLimitProperties properties;

    private final Cache<String, Lease> leases;

    private final Map<String, Mono<Optional<Refill>>> refills = new ConcurrentHashMap<>();

    TokenLeases(RedisTokenBucket bucket, RateLimitProperties properties) {
        this.bucket = bucket;
        this.properties = properties;
        this.leases = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.leaseTime())
            .executor(Runnable::run) // see bearer.VerifiedTokenCache
            .build();
    }

    /**
     * A token of the subject's current lease, or null when it has none left: then {@link #takeShared} asks
     * Redis. Most requests of a busy subject are answered here, with no {@link Mono} to build (see
     * docs/performance.md#token-leases).
     */
    Decision takeLocal(String subject, Limit limit) {
        Lease current = leases.getIfPresent(subject);
        Decision local = current != null && current.limit.equals(limit) ? current.take(System.nanoTime()) : null;
        if (local != null && current.refillDue()) {
            refill(subject, limit).subscribe();
        }
        return local;
    }

    /**
     * A token from the shared bucket, for a request {@link #takeLocal} did not serve. Empty when Redis
     * cannot be asked: the request is then not limited.
     */
    Mono<Optional<Decision>> takeShared(String subject, Limit limit) {
        if (batch(limit) == 1) {
            return single(subject, limit);
        }
        return refill(subject, limit).flatMap(answer -> {
            if (answer.isEmpty()) {
                return Mono.just(Optional.<Decision>empty());
            }
            Refill fresh = answer.get();
            if (fresh.lease() == null) {
                return Mono.just(Optional.of(refusal(fresh.grant())));
            }
            Decision mine = fresh.lease().take(System.nanoTime());
            return mine != null ? Mono.just(Optional.of(mine)) : single(subject, limit); // the others used up the batch
        });
    }

    /** The subject's refill in flight, or a new one: one Redis call at a time per subject. */
    private Mono<Optional<Refill>> refill(String subject, Limit limit) {
        return refills.computeIfAbsent(subject, s -> {
            AtomicReference<Mono<Optional<Refill>>> self = new AtomicReference<>();
            // Out of the map before its answer reaches anyone: requests served by it on the thread that
            // delivers it can use up half the new batch before that thread moves on, and the refill they
            // then ask for must be a new call, not this one's answer again.
            Mono<Optional<Refill>> call = askRedis(s, limit, nextBatch(s, limit))
                .doOnEach(signal -> refills.remove(s, self.get()))
                .cache();
            self.set(call);
            return call;
        });
    }

    /** {@link #FIRST_BATCH}, or a tenth of a lease time at the subject's rate; at most {@link #batch}. */
    private int nextBatch(String subject, Limit limit) {
        Lease current = leases.getIfPresent(subject);
        long atRate = current != null ? current.usedIn(properties.leaseTime().toNanos() / 10, System.nanoTime()) : 0;
        return (int) Math.min(batch(limit), Math.max(FIRST_BATCH, atRate));
    }

    private Mono<Optional<Refill>> askRedis(String subject, Limit limit, int batch) {
        return bucket.take(subject, limit, batch).map(answer -> answer.map(grant -> {
            if (grant.granted() == 0) {
                return new Refill(grant, null); // an unexpired lease keeps its last tokens
            }
            long now = System.nanoTime();
            Lease previous = leases.getIfPresent(subject);
            long carried = previous != null && previous.limit.equals(limit) ? previous.handOver(now) : 0;
            Lease lease = new Lease(limit, grant, carried, now, now + properties.leaseTime().toNanos());
            leases.put(subject, lease);
            return new Refill(grant, lease);
        }));
    }

    /** One token for this request alone, as without batching. */
    private Mono<Optional<Decision>> single(String subject, Limit limit) {
        return bucket.take(subject, limit, 1).map(answer -> answer.map(grant -> grant.granted() == 0 ? refusal(grant)
                : new Decision(true, grant.remaining(), 0, grant.resetMillis())));
    }

    private static Decision refusal(Grant grant) {
        return new Decision(false, grant.remaining(), grant.retryAfterMillis(), grant.resetMillis());
    }

    /** The largest batch of a bucket: a twentieth of it, at most {@code max-batch}. */
    int batch(Limit limit) {
        return Math.max(1, Math.min(limit.capacity() / 20, properties.maxBatch()));
    }
}
