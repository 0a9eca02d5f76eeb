package org.ssoplatform.auth.federation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.auth.throttle.ThrottleProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pending JSON logins, keyed by their {@code state}: expiring, and consumed by the first read
 * (GETDEL), so a state can be used once and by one instance only. An index of their expiries caps how
 * many may be pending at once ({@code platform.throttle.pending-logins}), so anonymous starts cannot
 * grow Redis without bound.
 */
@Component
class LoginStateStore {

    /** What the callback needs to finish the login that {@code state} started. */
    record PendingLogin(String provider, String redirectUri, String codeVerifier, String nonce) {
    }

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    private final AuthServerProperties properties;

    private final JsonMapper json = JsonMapper.builder().build();

    private final ThrottleProperties throttle;

    LoginStateStore(StringRedisTemplate redis, RedisNamespace namespace, AuthServerProperties properties,
            ThrottleProperties throttle) {
        this.redis = redis;
        this.namespace = namespace;
        this.properties = properties;
        this.throttle = throttle;
    }

    /** Drops expired entries from the index, refuses a state beyond the cap, else stores it with its TTL. */
    private static final RedisScript<Long> SAVE = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
            redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[2])
            return 1""", Long.class);

    /** Whether it was stored: false when {@code pending-logins} states are pending already. */
    boolean save(String state, PendingLogin login) {
        long ttl = properties.loginStateTtl().toMillis();
        Long saved = redis.execute(SAVE, List.of(index(), key(state)), Long.toString(System.currentTimeMillis()),
                Long.toString(ttl), Integer.toString(throttle.pendingLogins()), json.writeValueAsString(login), state);
        return saved != null && saved == 1L;
    }

    Optional<PendingLogin> consume(String state) {
        String value = redis.opsForValue().getAndDelete(key(state));
        if (value != null) {
            redis.opsForZSet().remove(index(), state);
        }
        return Optional.ofNullable(value).map(v -> json.readValue(v, PendingLogin.class));
    }

    private String index() {
        return namespace.key("login-state-index");
    }

    private String key(String state) {
        return namespace.key("login-state:" + state);
    }
}
