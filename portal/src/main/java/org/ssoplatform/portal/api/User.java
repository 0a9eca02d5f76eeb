package org.ssoplatform.portal.api;

import java.time.Instant;
import java.util.List;

/** A user as the management API shows one ({@code /api/v1/users/me}, {@code /api/v1/users}). */
public record User(long id, String email, boolean emailVerified, String fullName, String avatarUrl, boolean isActive,
        boolean isSuperuser, Instant createdAt, List<Role> roles) {

    public static final String ADMIN_ROLE = "admin";

    public User {
        roles = roles == null ? List.of() : roles;
    }

    public boolean admin() {
        return roles.stream().anyMatch(role -> ADMIN_ROLE.equals(role.name()));
    }

    public boolean holds(long roleId) {
        return roles.stream().anyMatch(role -> role.id() == roleId);
    }

    /** Every permission the user's roles give, once each, by name. */
    public List<Permission> permissions() {
        return roles.stream()
            .flatMap(role -> role.permissions().stream())
            .collect(java.util.stream.Collectors.toMap(Permission::id, p -> p, (a, b) -> a, java.util.TreeMap::new))
            .values()
            .stream()
            .sorted(java.util.Comparator.comparing(Permission::name))
            .toList();
    }

    public String displayName() {
        return fullName != null && !fullName.isBlank() ? fullName : email;
    }
}
