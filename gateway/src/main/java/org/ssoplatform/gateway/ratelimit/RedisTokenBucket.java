package org.ssoplatform.gateway.ratelimit;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.config.RedisScripts;
import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import org.ssoplatform.gateway.web.RequestLog;
import reactor.core.publisher.Mono;

/**
 * One atomic Lua call against {@code {ns}:ratelimit:{subject}} that takes up to a batch of tokens
 * ({@link TokenLeases} hands them out). Spring Cloud Gateway's
 * RedisRateLimiter is not used because its keys cannot carry the platform's namespace prefix.
 * Answers empty when Redis is unreachable: throttling then stops, authentication does not.
 */
final class RedisTokenBucket {

    /** What Redis granted: {@code granted} of the tokens asked for, {@code remaining} left in the bucket. */
    record Grant(long granted, long remaining, long retryAfterMillis, long resetMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBucket.class);

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScripts
        .fromClasspath("scripts/token_bucket.lua", List.class);

    private final ReactiveStringRedisTemplate redis;

    private final RedisKeys keys;

    private final RateLimitProperties properties;

    RedisTokenBucket(ReactiveStringRedisTemplate redis, RedisKeys keys, RateLimitProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    Mono<Optional<Grant>> take(String subject, Limit limit, int wanted) {
        return redis.execute(SCRIPT, List.of(keys.rateLimit(subject)), List.of(String.valueOf(limit.capacity()),
                    String.valueOf(limit.replenishPerSecond()), String.valueOf(wanted)))
            .next()
            .map(r -> Optional.of(new Grant(r.get(0), r.get(1), r.get(2), r.get(3))))
            .timeout(properties.timeout())
            .onErrorResume(ex -> Mono.deferContextual(context -> {
                RequestLog.log(log, Level.DEBUG, context, "Rate limiter unavailable, request not limited: {}",
                        ex.getClass().getSimpleName());
                return Mono.just(Optional.<Grant>empty());
            }))
            .defaultIfEmpty(Optional.empty());
    }
}
