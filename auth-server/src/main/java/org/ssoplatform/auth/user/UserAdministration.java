package org.ssoplatform.auth.user;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.role.PermissionRepository;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;

/**
 * Role assignment and account status. Holding {@code users:write} is not enough to hand out more than
 * one holds: only admins grant or remove {@code admin}, others only roles whose permissions they all hold, and
 * never to themselves.
 */
@Service
class UserAdministration {

    private final UserRepository users;

    private final RoleRepository roles;

    private final PermissionRepository permissions;

    private final UserViews views;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    UserAdministration(UserRepository users, RoleRepository roles, PermissionRepository permissions, UserViews views,
            AuditLog audit, ApplicationEventPublisher events) {
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.views = views;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public UserView addRole(Actor actor, long userId, long roleId) {
        user(userId);
        if (!actor.admin() && actor.userId() == userId) {
            // Even a role without permissions: services may check it by name.
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "self_grant", "Only an admin may grant a role to themselves.");
        }
        Role role = mayGrant(actor, roleId);
        if (users.addRole(userId, roleId)) {
            changed(actor, "user.role_added", userId, Map.of("role_id", roleId, "role", role.name()));
        }
        return views.of(user(userId));
    }

    @Transactional
    public UserView removeRole(Actor actor, long userId, long roleId) {
        User user = user(userId);
        Role role = mayGrant(actor, roleId);
        if (Actor.ADMIN_ROLE.equals(role.name()) && user.active() && user.roleIds().contains(roleId)) {
            keepAnAdmin(role, userId);
        }
        if (users.removeRole(userId, roleId)) {
            changed(actor, "user.role_removed", userId, Map.of("role_id", roleId, "role", role.name()));
        }
        return views.of(user(userId));
    }

    @Transactional
    public UserView setActive(Actor actor, long userId, boolean active) {
        User user = user(userId);
        if (!active && actor.userId() == userId) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "self_deactivation", "You cannot deactivate your own account.");
        }
        Role adminRole = adminRoleOf(user);
        if (!actor.admin() && adminRole != null) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "admin_only", "Only an admin may change an admin's account.");
        }
        if (!active && adminRole != null && user.active()) {
            keepAnAdmin(adminRole, userId);
        }
        if (users.changeActive(userId, active)) {
            int revoked = active ? 0 : users.revokeAuthorizations(userId);
            changed(actor, active ? "user.activated" : "user.deactivated", userId,
                    Map.of("revoked_authorizations", revoked));
        }
        return views.of(user(userId));
    }

    private void changed(Actor actor, String action, long userId, Map<String, ?> details) {
        audit.record(actor, action, "user", userId, details);
        events.publishEvent(new UserAccessChanged(userId));
    }

    private User user(long userId) {
        return users.findById(userId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No user with id " + userId + "."));
    }

    private Role mayGrant(Actor actor, long roleId) {
        Role role = roles.findById(roleId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No role with id " + roleId + "."));
        if (actor.admin()) {
            return role;
        }
        if (Actor.ADMIN_ROLE.equals(role.name())) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "admin_only",
                    "Only an admin may grant or remove the admin role.");
        }
        List<String> missing = permissions.namesForRoles(List.of(roleId)).stream()
            .filter(p -> !actor.holds(p))
            .toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "grant_not_held",
                    "You cannot grant or remove a role with permissions you do not hold: " + missing + ".");
        }
        return role;
    }

    private Role adminRoleOf(User user) {
        return user.roleIds().isEmpty() ? null
                : roles.findByIdIn(user.roleIds()).stream().filter(r -> Actor.ADMIN_ROLE.equals(r.name())).findFirst()
                    .orElse(null);
    }

    /**
     * The platform is administered through itself: taking admin from its last active holder would lock
     * everyone out of the management API. The admin role's row is locked first, so two admins removing
     * each other at the same moment are decided one after the other.
     */
    private void keepAnAdmin(Role adminRole, long userId) {
        roles.lockById(adminRole.id());
        if (users.countOtherActiveHolders(adminRole.id(), userId) == 0) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "last_admin",
                    "This is the last active admin: make another user admin first.");
        }
    }
}
