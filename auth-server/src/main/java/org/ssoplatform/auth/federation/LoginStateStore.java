package org.ssoplatform.auth.federation;

import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pending JSON logins, keyed by their {@code state}: expiring, and consumed by the first read
 * (GETDEL), so a state can be used once and by one instance only.
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

    LoginStateStore(StringRedisTemplate redis, RedisNamespace namespace, AuthServerProperties properties) {
        this.redis = redis;
        this.namespace = namespace;
        this.properties = properties;
    }

    void save(String state, PendingLogin login) {
        redis.opsForValue().set(key(state), json.writeValueAsString(login), properties.loginStateTtl());
    }

    Optional<PendingLogin> consume(String state) {
        String value = redis.opsForValue().getAndDelete(key(state));
        return Optional.ofNullable(value).map(v -> json.readValue(v, PendingLogin.class));
    }

    private String key(String state) {
        return namespace.key("login-state:" + state);
    }
}
