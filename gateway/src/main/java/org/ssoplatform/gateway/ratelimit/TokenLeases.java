package org.ssoplatform.gateway.ratelimit;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import org.ssoplatform.gateway.ratelimit.RedisTokenBucket.Grant;
import reactor.core.publisher.Mono;

/**
 * Hands out a subject's tokens from a small batch taken from its shared Redis bucket, so a busy key
 * costs one Redis call per batch instead of one per request. The batch is a twentieth of the bucket's
 * capacity (at most {@code max-batch}); buckets under 40 tokens take one at a time, exactly as
 * without batching. Tokens are only ever taken from Redis before they are used, so the limit is
 * never exceeded across instances; tokens of a batch left unused when its lease ends are lost,
 * which at worst refuses a caller a few requests early.
 */
final class TokenLeases {

    record Decision(boolean allowed, long remaining, long retryAfterMillis, long resetMillis) {
    }

    /** Tokens of one batch still to hand out, and the bucket as Redis reported it. */
    private static final class Lease {

        private final long expiresAtNanos;

        private final Grant grant;

        private long left;

        Lease(Grant grant, long expiresAtNanos) {
            this.grant = grant;
            this.left = grant.granted();
            this.expiresAtNanos = expiresAtNanos;
        }

        synchronized Decision take(long nowNanos) {
            if (left == 0 || nowNanos - expiresAtNanos > 0) {
                return null;
            }
            left--;
            return new Decision(true, grant.remaining() + left, 0, grant.resetMillis());
        }
    }

    private final RedisTokenBucket bucket;

    private final RateLimitProperties properties;

    private final Cache<String, Lease> leases;

    TokenLeases(RedisTokenBucket bucket, RateLimitProperties properties) {
        this.bucket = bucket;
        this.properties = properties;
        this.leases = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.leaseTime()).build();
    }

    /** Empty when Redis cannot be asked: the request is then not limited. */
    Mono<Optional<Decision>> take(String subject, Limit limit) {
        Lease lease = leases.getIfPresent(subject);
        Decision local = lease != null ? lease.take(System.nanoTime()) : null;
        if (local != null) {
            return Mono.just(Optional.of(local));
        }
        return bucket.take(subject, limit, batch(limit)).map(answer -> answer.map(grant -> {
            if (grant.granted() == 0) {
                return new Decision(false, grant.remaining(), grant.retryAfterMillis(), grant.resetMillis());
            }
            Lease fresh = new Lease(grant, System.nanoTime() + properties.leaseTime().toNanos());
            leases.put(subject, fresh);
            return fresh.take(System.nanoTime());
        }));
    }

    int batch(Limit limit) {
        return Math.max(1, Math.min(limit.capacity() / 20, properties.maxBatch()));
    }
}
