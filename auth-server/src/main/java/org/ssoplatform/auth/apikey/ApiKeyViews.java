package org.ssoplatform.auth.apikey;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ssoplatform.auth.role.Permission;
import org.ssoplatform.auth.role.PermissionRepository;
import org.ssoplatform.auth.role.RoleView;
import org.ssoplatform.auth.role.RoleViews;

/** Renders keys with their roles and permissions in a fixed number of queries, whatever the number of keys. */
@Component
class ApiKeyViews {

    private final RoleViews roles;

    private final PermissionRepository permissions;

    ApiKeyViews(RoleViews roles, PermissionRepository permissions) {
        this.roles = roles;
        this.permissions = permissions;
    }

    ApiKeyView of(ApiKey key, String secret) {
        return render(List.of(key), secret).get(0);
    }

    List<ApiKeyView> of(List<ApiKey> keys) {
        return render(keys, null);
    }

    private List<ApiKeyView> render(List<ApiKey> keys, String secret) {
        Map<Long, RoleView> roleById = roles.of(keys.stream().flatMap(k -> k.roleIds().stream()).distinct().toList())
            .stream()
            .collect(Collectors.toMap(RoleView::id, Function.identity()));
        List<Long> permissionIds = keys.stream().flatMap(k -> k.permissionIds().stream()).distinct().toList();
        Map<Long, Permission> permissionById = (permissionIds.isEmpty() ? List.<Permission>of()
                : permissions.findByIdIn(permissionIds)).stream()
            .collect(Collectors.toMap(Permission::id, Function.identity()));
        return keys.stream()
            .map(k -> new ApiKeyView(k.id(), k.ownerId(), k.name(), k.description(), k.keyPrefix(), k.keyLastChars(),
                    k.active(), k.lockedByAdmin(), k.expiresAt(), k.createdAt(), k.lastUsedAt(), k.graceEndsAt(),
                    pick(k.roleIds(), roleById, Comparator.comparing(RoleView::name)),
                    pick(k.permissionIds(), permissionById, Comparator.comparing(Permission::name)), k.rateLimit(),
                    secret))
            .toList();
    }

    private static <T> List<T> pick(Set<Long> ids, Map<Long, T> byId, Comparator<T> order) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).sorted(order).toList();
    }
}
