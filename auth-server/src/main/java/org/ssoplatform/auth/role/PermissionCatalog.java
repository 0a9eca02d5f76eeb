package org.ssoplatform.auth.role;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;

/** Creating and deleting permissions. */
@Service
class PermissionCatalog {

    private final PermissionRepository permissions;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    PermissionCatalog(PermissionRepository permissions, AuditLog audit, ApplicationEventPublisher events) {
        this.permissions = permissions;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Permission create(Actor actor, NewPermission request) {
        Permission permission = request.toPermission();
        if (permissions.existsByName(permission.name())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "duplicate_name",
                    "A permission named '" + permission.name() + "' exists.");
        }
        Permission saved = permissions.save(permission);
        audit.record(actor, "permission.created", "permission", saved.id(), Map.of("name", saved.name()));
        return saved;
    }

    @Transactional
    public void delete(Actor actor, long permissionId, boolean cascade) {
        Permission permission = permissions.findById(permissionId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found",
                    "No permission with id " + permissionId + "."));
        permissions.lockById(permissionId);
        long roles = permissions.countRoles(permissionId);
        long keys = permissions.countApiKeys(permissionId);
        if ((roles > 0 || keys > 0) && !cascade) {
            throw RoleCatalog.inUse("permission", roles + " role(s) and " + keys + " API key(s)");
        }
        permissions.deleteById(permissionId);
        audit.record(actor, "permission.deleted", "permission", permissionId,
                Map.of("name", permission.name(), "cascade", cascade, "roles", roles, "api_keys", keys));
        if (roles + keys > 0) { // an unused one changes nobody's grants
            events.publishEvent(new RoleGrantsChanged());
        }
    }
}
