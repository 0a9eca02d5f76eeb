package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.RoleView;

/**
 * An API key as the API shows it: the seed's fields, plus how to recognise it ({@code key_prefix},
 * {@code key_last_chars}), when a rotated-out secret stops working, and whether an admin locked it
 * ({@code locked}: deactivated by an admin, so only an admin re-activates it), and its own {@code rate_limit}
 * ({@code null}: the gateways' configured one). Never the hash; the secret
 * ({@code key}) only in the answer to a creation or rotation.
 */
record ApiKeyView(long id, long userId, String name, String description, String keyPrefix, String keyLastChars,
        boolean isActive, boolean locked, Instant expiresAt, Instant createdAt, Instant lastUsedAt, Instant rotationGraceEndsAt,
        List<RoleView> roles, List<Permission> permissions, KeyRateLimit rateLimit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {
}
