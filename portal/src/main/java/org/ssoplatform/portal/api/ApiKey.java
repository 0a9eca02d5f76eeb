package org.ssoplatform.portal.api;

import java.time.Instant;
import java.util.List;

/** An API key as the management API shows it; {@code key}, the secret, only right after creation or rotation. */
public record ApiKey(long id, long userId, String name, String description, String keyPrefix, String keyLastChars,
        boolean isActive, Instant expiresAt, Instant createdAt, Instant lastUsedAt, Instant rotationGraceEndsAt,
        List<Role> roles, List<Permission> permissions, String key) {

    public ApiKey {
        roles = roles == null ? List.of() : roles;
        permissions = permissions == null ? List.of() : permissions;
    }

    /** How a person recognises the key without its secret: prefix…last characters. */
    public String masked() {
        return keyPrefix + "…" + keyLastChars;
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
