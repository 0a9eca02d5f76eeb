package org.ssoplatform.auth.role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;

/** Creating and deleting roles, and editing their permissions. */
@Service
class RoleCatalog {

    private final RoleRepository roles;

    private final PermissionRepository permissions;

    private final RoleViews views;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    RoleCatalog(RoleRepository roles, PermissionRepository permissions, RoleViews views, AuditLog audit,
            ApplicationEventPublisher events) {
        this.roles = roles;
        this.permissions = permissions;
        this.views = views;
        this.audit = audit;
        this.events = events;
    }

    RoleView find(long roleId) {
        return views.views(List.of(role(roleId))).get(0);
    }

    @Transactional
    public RoleView create(Actor actor, NewRole request) {
        if (roles.existsByName(request.name())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "duplicate_name", "A role named '" + request.name() + "' exists.");
        }
        Set<Long> permissionIds = request.permissionIdsOrNone();
        Set<Long> unknown = new TreeSet<>(permissionIds);
        permissions.findByIdIn(permissionIds).forEach(p -> unknown.remove(p.id()));
        if (!unknown.isEmpty()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "unknown_permission",
                    "Unknown permission ids: " + unknown + ".");
        }
        Role role = roles.save(Role.newRole(request.name(), request.description(), permissionIds));
        audit.record(actor, "role.created", "role", role.id(),
                Map.of("name", role.name(), "permission_ids", new TreeSet<>(permissionIds)));
        return find(role.id());
    }

    @Transactional
    public void delete(Actor actor, long roleId, boolean cascade) {
        Role role = role(roleId);
        if (Actor.ADMIN_ROLE.equals(role.name())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "protected_role", "The admin role cannot be deleted.");
        }
        roles.lockById(roleId);
        long users = roles.countUsers(roleId);
        long keys = roles.countApiKeys(roleId);
        if ((users > 0 || keys > 0) && !cascade) {
            throw inUse("role", users + " user(s) and " + keys + " API key(s)");
        }
        roles.deleteById(roleId);
        audit.record(actor, "role.deleted", "role", roleId,
                Map.of("name", role.name(), "cascade", cascade, "users", users, "api_keys", keys));
        if (users + keys > 0) { // an unused one changes nobody's grants
            events.publishEvent(new RoleGrantsChanged());
        }
    }

    @Transactional
    public RoleView addPermission(Actor actor, long roleId, long permissionId) {
        role(roleId);
        Permission permission = permission(permissionId);
        if (roles.addPermission(roleId, permissionId)) {
            changed(actor, "role.permission_added", roleId, permission);
        }
        return find(roleId);
    }

    @Transactional
    public RoleView removePermission(Actor actor, long roleId, long permissionId) {
        role(roleId);
        Permission permission = permission(permissionId);
        if (roles.removePermission(roleId, permissionId)) {
            changed(actor, "role.permission_removed", roleId, permission);
        }
        return find(roleId);
    }

    private void changed(Actor actor, String action, long roleId, Permission permission) {
        audit.record(actor, action, "role", roleId,
                Map.of("permission_id", permission.id(), "permission", permission.name()));
        events.publishEvent(new RoleGrantsChanged());
    }

    private Role role(long roleId) {
        return roles.findById(roleId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No role with id " + roleId + "."));
    }

    private Permission permission(long permissionId) {
        return permissions.findById(permissionId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found",
                    "No permission with id " + permissionId + "."));
    }

    static RuntimeException inUse(String what, String holders) {
        return ApiProblem.of(HttpStatus.CONFLICT, "in_use",
                "The " + what + " is held by " + holders + "; delete with ?cascade=true to remove it from them too.");
    }
}
