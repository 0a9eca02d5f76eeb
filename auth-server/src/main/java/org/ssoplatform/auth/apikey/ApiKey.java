package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.user.User;

/**
 * A user's API key. Only the SHA-256 of the secret is stored. {@code lastUsedAt} is read-only here: only the
 * usage flush writes it, so saving a key never overwrites a newer value with the one it was loaded with.
 */
@Table("api_keys")
public record ApiKey(@Id Long id, AggregateReference<User, Long> userId, String name, String description,
        byte[] keyHash, String keyPrefix, String keyLastChars, byte[] previousKeyHash, Instant previousExpiresAt,
        @Column("is_active") boolean active, boolean lockedByAdmin, Instant expiresAt, @ReadOnlyProperty Instant lastUsedAt, Instant createdAt,
        Instant updatedAt, @Version Long version, @MappedCollection(idColumn = "api_key_id") Set<KeyRole> roles,
        @MappedCollection(idColumn = "api_key_id") Set<KeyPermission> permissions,
        @Embedded.Nullable(prefix = "rate_limit_") KeyRateLimit rateLimit) {

    /** @param rateLimit the key's own limit, or {@code null} for the gateways' configured one */
    static ApiKey issue(long ownerId, String secret, String name, String description, Instant expiresAt,
            Set<Long> roleIds, Set<Long> permissionIds, KeyRateLimit rateLimit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        return new ApiKey(null, AggregateReference.to(ownerId), name, description, ApiKeyFormat.hash(secret),
                ApiKeyFormat.displayPrefix(secret), ApiKeyFormat.lastChars(secret), null, null, true, false, expiresAt, null,
                now, now, null, roleRefs(roleIds), permissionRefs(permissionIds), rateLimit);
    }

    long ownerId() {
        return userId.getId();
    }

    Set<Long> roleIds() {
        return roles.stream().map(r -> r.roleId().getId()).collect(Collectors.toUnmodifiableSet());
    }

    Set<Long> permissionIds() {
        return permissions.stream().map(p -> p.permissionId().getId()).collect(Collectors.toUnmodifiableSet());
    }

    /** The hashes a gateway may have cached a token under: the secret, and a rotated-out one. */
    List<String> hashes() {
        List<String> hashes = new ArrayList<>(List.of(HexFormat.of().formatHex(keyHash)));
        if (previousKeyHash != null) {
            hashes.add(HexFormat.of().formatHex(previousKeyHash));
        }
        return hashes;
    }

    /** When the rotated-out secret stops working, or {@code null} when there is none alive. */
    Instant graceEndsAt() {
        return previousKeyHash != null && previousExpiresAt != null && previousExpiresAt.isAfter(Instant.now())
                ? previousExpiresAt : null;
    }

    /** @param locked whether an admin switched it off, so that only an admin switches it back on */
    ApiKey withActive(boolean value, boolean locked) {
        return new ApiKey(id, userId, name, description, keyHash, keyPrefix, keyLastChars, previousKeyHash,
                previousExpiresAt, value, locked, expiresAt, lastUsedAt, createdAt, Instant.now(), version, roles, permissions,
                rateLimit);
    }

    /**
     * The new secret replaces the current one, which keeps working until {@code graceEnds}; with no grace left
     * it is forgotten at once.
     */
    ApiKey rotatedTo(String secret, Instant graceEnds) {
        boolean graceLeft = graceEnds != null && graceEnds.isAfter(Instant.now());
        return new ApiKey(id, userId, name, description, ApiKeyFormat.hash(secret), ApiKeyFormat.displayPrefix(secret),
                ApiKeyFormat.lastChars(secret), graceLeft ? keyHash : null, graceLeft ? graceEnds : null, active,
                lockedByAdmin, expiresAt, lastUsedAt, createdAt, Instant.now(), version, roles, permissions, rateLimit);
    }

    ApiKey withDetails(String newName, String newDescription, Instant newExpiresAt) {
        return new ApiKey(id, userId, newName, newDescription, keyHash, keyPrefix, keyLastChars, previousKeyHash,
                previousExpiresAt, active, lockedByAdmin, newExpiresAt, lastUsedAt, createdAt, Instant.now(), version, roles,
                permissions, rateLimit);
    }

    ApiKey withGrants(Set<Long> roleIds, Set<Long> permissionIds) {
        return new ApiKey(id, userId, name, description, keyHash, keyPrefix, keyLastChars, previousKeyHash,
                previousExpiresAt, active, lockedByAdmin, expiresAt, lastUsedAt, createdAt, Instant.now(), version,
                roleRefs(roleIds), permissionRefs(permissionIds), rateLimit);
    }

    /** @param limit the key's own limit, or {@code null} for the gateways' configured one */
    ApiKey withRateLimit(KeyRateLimit limit) {
        return new ApiKey(id, userId, name, description, keyHash, keyPrefix, keyLastChars, previousKeyHash,
                previousExpiresAt, active, lockedByAdmin, expiresAt, lastUsedAt, createdAt, Instant.now(), version, roles,
                permissions, limit);
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static Set<KeyRole> roleRefs(Set<Long> ids) {
        return ids.stream().map(id -> new KeyRole(AggregateReference.to(id))).collect(Collectors.toSet());
    }

    private static Set<KeyPermission> permissionRefs(Set<Long> ids) {
        return ids.stream().map(id -> new KeyPermission(AggregateReference.to(id))).collect(Collectors.toSet());
    }

    @Table("apikey_roles")
    public record KeyRole(AggregateReference<Role, Long> roleId) {
    }

    @Table("apikey_permissions")
    public record KeyPermission(AggregateReference<Permission, Long> permissionId) {
    }
}
