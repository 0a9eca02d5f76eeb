package org.ssoplatform.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.web.Problems;

/** Per-key and per-user rate limits on every routed request. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    RedisTokenBucket redisTokenBucket(ReactiveStringRedisTemplate redis, RedisKeys keys, RateLimitProperties properties) {
        return new RedisTokenBucket(redis, keys, properties);
    }

    @Bean
    TokenLeases tokenLeases(RedisTokenBucket bucket, RateLimitProperties properties) {
        return new TokenLeases(bucket, properties);
    }

    @Bean
    RateLimitFilter rateLimitFilter(TokenLeases leases, RateLimitProperties properties, Problems problems,
            MeterRegistry meters) {
        return new RateLimitFilter(leases, properties, problems, meters);
    }
}
