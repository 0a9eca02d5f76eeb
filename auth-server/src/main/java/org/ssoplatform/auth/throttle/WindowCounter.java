package org.ssoplatform.auth.throttle;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.ssoplatform.auth.shared.RedisNamespace;

/** Fixed-window counters in Redis ({@code {ns}:throttle:{kind}:{address}}), shared by every instance. */
class WindowCounter {

    /** Counts one and answers the count and the window's remaining milliseconds. */
    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {n, redis.call('PTTL', KEYS[1])}""", List.class);

    /** Answers the count and the remaining milliseconds without counting. */
    private static final RedisScript<List> READ = RedisScript.of("""
            local n = redis.call('GET', KEYS[1])
            if not n then return {0, 0} end
            return {tonumber(n), redis.call('PTTL', KEYS[1])}""", List.class);

    record Count(long count, Duration remaining) {
    }

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    WindowCounter(StringRedisTemplate redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    Count increment(String kind, String address, Duration window) {
        return count(redis.execute(INCREMENT, List.of(key(kind, address)), Long.toString(window.toMillis())));
    }

    Count read(String kind, String address) {
        return count(redis.execute(READ, List.of(key(kind, address))));
    }

    private String key(String kind, String address) {
        return namespace.key("throttle:" + kind + ":" + address);
    }

    private static Count count(List<?> result) {
        return new Count(((Number) result.get(0)).longValue(), Duration.ofMillis(Math.max(0, ((Number) result.get(1)).longValue())));
    }
}
