package org.ssoplatform.auth.session;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.contract.RedisKeys;

/**
 * "Sign out everywhere" across every app that keeps browser sessions in Redis (auth-server, the portal):
 * {@code {ns}:sessions-revoked:{userId}} holds the instant (epoch milliseconds) the user's sessions were
 * revoked, and each app ends, at its next use, any session of that user that signed in at or before it
 * (docs/contracts.md). One marker serves every app and instance, whatever its session store's layout, and
 * it outlives the request: an app that was down or partitioned when it was written still honours it.
 * It has no TTL since a session kept in use lives on; it is one short key per user who ever used it.
 */
@Component
public class SessionRevocations {

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    private final Clock clock;

    SessionRevocations(StringRedisTemplate redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
        this.clock = Clock.systemUTC();
    }

    /** Ends every browser session the user has now, in every app. */
    public void revokeAll(long userId) {
        redis.opsForValue().set(key(Long.toString(userId)), Long.toString(clock.millis()));
    }

    /** Whether the session of {@code principalName} that signed in at {@code signedInAt} has been revoked. */
    boolean revoked(String principalName, Instant signedInAt) {
        String revokedAt = redis.opsForValue().get(key(principalName));
        return revokedAt != null && !signedInAt.isAfter(Instant.ofEpochMilli(Long.parseLong(revokedAt)));
    }

    private String key(String userId) {
        return new RedisKeys(namespace.namespace()).sessionsRevoked(userId);
    }
}
