package org.ssoplatform.auth.role;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Assembles roles with their permissions in two queries, whatever the number of roles. */
@Component
public class RoleViews {

    private final RoleRepository roles;

    private final PermissionRepository permissions;

    RoleViews(RoleRepository roles, PermissionRepository permissions) {
        this.roles = roles;
        this.permissions = permissions;
    }

    public List<RoleView> of(Collection<Long> roleIds) {
        if (roleIds.isEmpty()) {
            return List.of();
        }
        return views(roles.findByIdIn(roleIds));
    }

    public List<RoleView> views(List<Role> found) {
        List<Long> permissionIds = found.stream().flatMap(r -> r.permissionIds().stream()).distinct().toList();
        Map<Long, Permission> byId = permissionIds.isEmpty() ? Map.of()
                : permissions.findByIdIn(permissionIds).stream().collect(Collectors.toMap(Permission::id, Function.identity()));
        return found.stream()
            .sorted(Comparator.comparing(Role::name))
            .map(r -> new RoleView(r.id(), r.name(), r.description(), r.createdAt(), r.permissionIds().stream()
                .map(byId::get)
                .sorted(Comparator.comparing(Permission::name))
                .toList()))
            .toList();
    }
}
