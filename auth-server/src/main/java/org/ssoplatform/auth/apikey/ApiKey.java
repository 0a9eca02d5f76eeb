package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.user.User;

/** A user's API key. Only the SHA-256 of the secret is stored. */
@Table("api_keys")
public record ApiKey(@Id Long id, AggregateReference<User, Long> userId, String name, String description,
        byte[] keyHash, String keyPrefix, String keyLastChars, byte[] previousKeyHash, Instant previousExpiresAt,
        @Column("is_active") boolean active, Instant expiresAt, Instant lastUsedAt, Instant createdAt,
        Instant updatedAt, @Version Long version, @MappedCollection(idColumn = "api_key_id") Set<KeyRole> roles,
        @MappedCollection(idColumn = "api_key_id") Set<KeyPermission> permissions) {

    @Table("apikey_roles")
    public record KeyRole(AggregateReference<Role, Long> roleId) {
    }

    @Table("apikey_permissions")
    public record KeyPermission(AggregateReference<Permission, Long> permissionId) {
    }
}
