package org.ssoplatform.auth.user;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.ssoplatform.auth.role.Role;

/**
 * A person. Provider accounts point at it; roles are part of the aggregate. {@code emailVerified} says
 * whether somebody vouched for the address (a provider trusted to verify it, or the administrator who
 * created the user): only such addresses link accounts, and only they are unique.
 */
@Table("users")
public record User(@Id Long id, String email, boolean emailVerified, String fullName, String avatarUrl,
        @Column("is_active") boolean active, @Column("is_superuser") boolean superuser, Instant createdAt,
        Instant updatedAt, @MappedCollection(idColumn = "user_id") Set<UserRole> roles) {

    /** A user created by an administrator (or seeded), who vouches for the address. */
    public static User newUser(String email, String fullName, String avatarUrl) {
        return provisioned(email, true, fullName, avatarUrl);
    }

    /** A user created from a provider's identity, whose address is as verified as the provider says. */
    public static User provisioned(String email, boolean emailVerified, String fullName, String avatarUrl) {
        Instant now = Instant.now();
        return new User(null, email, emailVerified, fullName, avatarUrl, true, false, now, now, Set.of());
    }

    public Set<Long> roleIds() {
        return roles.stream().map(r -> r.roleId().getId()).collect(Collectors.toUnmodifiableSet());
    }

    public User withRole(long roleId) {
        Set<UserRole> next = new HashSet<>(roles);
        next.add(new UserRole(AggregateReference.to(roleId)));
        return new User(id, email, emailVerified, fullName, avatarUrl, active, superuser, createdAt, Instant.now(), next);
    }

    public User withoutRole(long roleId) {
        Set<UserRole> next = new HashSet<>(roles);
        next.remove(new UserRole(AggregateReference.to(roleId)));
        return new User(id, email, emailVerified, fullName, avatarUrl, active, superuser, createdAt, Instant.now(), next);
    }

    public User withActive(boolean value) {
        return new User(id, email, emailVerified, fullName, avatarUrl, value, superuser, createdAt, Instant.now(), roles);
    }

    public User withProfile(String name, String avatar) {
        return new User(id, email, emailVerified, name != null ? name : fullName, avatar != null ? avatar : avatarUrl, active,
                superuser, createdAt, Instant.now(), roles);
    }

    /** A row of {@code user_roles}. */
    @Table("user_roles")
    public record UserRole(AggregateReference<Role, Long> roleId) {
    }
}
