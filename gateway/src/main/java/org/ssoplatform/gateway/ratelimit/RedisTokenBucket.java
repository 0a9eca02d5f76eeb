package org.ssoplatform.gateway.ratelimit;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.ssoplatform.gateway.config.RedisKeys;
import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import reactor.core.publisher.Mono;

/**
 * One atomic Lua call per request against {@code {ns}:ratelimit:{subject}}. Spring Cloud Gateway's
 * RedisRateLimiter was not used because its keys cannot carry the platform's namespace prefix.
 * Answers empty when Redis is unreachable: throttling then stops, authentication does not.
 */
final class RedisTokenBucket {

    record Decision(boolean allowed, long remaining, long retryAfterMillis, long resetMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(RedisTokenBucket.class);

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript
        .of(new ClassPathResource("scripts/token_bucket.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;

    private final RedisKeys keys;

    private final RateLimitProperties properties;

    RedisTokenBucket(ReactiveStringRedisTemplate redis, RedisKeys keys, RateLimitProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    Mono<Optional<Decision>> take(String subject, Limit limit) {
        return redis.execute(SCRIPT, List.of(keys.rateLimit(subject)),
                    List.of(String.valueOf(limit.capacity()), String.valueOf(limit.replenishPerSecond())))
            .next()
            .map(r -> Optional.of(new Decision(r.get(0) == 1L, r.get(1), r.get(2), r.get(3))))
            .timeout(properties.timeout())
            .onErrorResume(ex -> {
                log.debug("Rate limiter unavailable, request not limited: {}", ex.getClass().getSimpleName());
                return Mono.just(Optional.empty());
            })
            .defaultIfEmpty(Optional.empty());
    }
}
