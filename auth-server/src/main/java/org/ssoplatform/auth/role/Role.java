package org.ssoplatform.auth.role;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A named group of permissions. */
@Table("roles")
public record Role(@Id Long id, String name, String description, Instant createdAt,
        @MappedCollection(idColumn = "role_id") Set<RolePermission> permissions) {

    public static Role newRole(String name, String description, Set<Long> permissionIds) {
        return new Role(null, name, description, Instant.now(), refs(permissionIds));
    }

    public Set<Long> permissionIds() {
        return permissions.stream().map(p -> p.permissionId().getId()).collect(Collectors.toUnmodifiableSet());
    }

    public Role withPermission(long permissionId) {
        Set<Long> ids = new HashSet<>(permissionIds());
        ids.add(permissionId);
        return new Role(id, name, description, createdAt, refs(ids));
    }

    public Role withoutPermission(long permissionId) {
        Set<Long> ids = new HashSet<>(permissionIds());
        ids.remove(permissionId);
        return new Role(id, name, description, createdAt, refs(ids));
    }

    private static Set<RolePermission> refs(Set<Long> ids) {
        return ids.stream().map(id -> new RolePermission(AggregateReference.to(id))).collect(Collectors.toSet());
    }

    /** A row of {@code role_permissions}. */
    @Table("role_permissions")
    public record RolePermission(AggregateReference<Permission, Long> permissionId) {
    }
}
