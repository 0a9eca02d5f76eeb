package org.ssoplatform.auth.apikey;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.PermissionRepository;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.UserGrants;

/**
 * A key may be granted only what its owner holds right now (read from the database, not from a token that
 * may be minutes old); an admin owner may grant anything. Unknown ids in the body are bad input (400).
 */
@Component
class KeyGrantPolicy {

    private final RoleRepository roles;

    private final PermissionRepository permissions;

    private final UserGrants grants;

    KeyGrantPolicy(RoleRepository roles, PermissionRepository permissions, UserGrants grants) {
        this.roles = roles;
        this.permissions = permissions;
        this.grants = grants;
    }

    void check(long ownerId, Set<Long> roleIds, Set<Long> permissionIds) {
        List<Role> wantedRoles = roleIds.isEmpty() ? List.of() : roles.findByIdIn(roleIds);
        List<Permission> wantedPermissions = permissionIds.isEmpty() ? List.of()
                : permissions.findByIdIn(permissionIds);
        requireKnown("role", roleIds, wantedRoles.stream().map(Role::id).toList());
        requireKnown("permission", permissionIds, wantedPermissions.stream().map(Permission::id).toList());
        UserGrants.Grants owner = grants.load(ownerId)
            .filter(UserGrants.Grants::active)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.FORBIDDEN, "inactive_owner",
                    "The key's owner is inactive."));
        if (owner.roles().contains(Actor.ADMIN_ROLE)) {
            return;
        }
        Set<String> missing = new TreeSet<>();
        wantedRoles.stream().map(Role::name).filter(r -> !owner.roles().contains(r))
            .forEach(r -> missing.add("role " + r));
        wantedPermissions.stream().map(Permission::name).filter(p -> !owner.permissions().contains(p))
            .forEach(p -> missing.add("permission " + p));
        if (!missing.isEmpty()) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "grant_not_held",
                    "A key can only be granted what its owner holds; the owner lacks: " + String.join(", ", missing)
                            + ".");
        }
    }

    private static void requireKnown(String kind, Set<Long> wanted, List<Long> found) {
        Set<Long> unknown = new TreeSet<>(wanted);
        found.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "unknown_" + kind,
                    "Unknown " + kind + " ids: " + unknown + ".");
        }
    }
}
