package org.ssoplatform.auth.user;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.session.SessionRevocations;

/**
 * Signing a user out everywhere, and deleting a user. Both end every browser session of the user in every
 * app ({@link SessionRevocations}) and revoke every refresh token; access tokens already issued end within
 * their short lifetime.
 */
@Service
class AccountSecurity {

    private final UserRepository users;

    private final RoleRepository roles;

    private final SessionRevocations sessions;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    AccountSecurity(UserRepository users, RoleRepository roles, SessionRevocations sessions, JdbcClient jdbc,
            AuditLog audit, ApplicationEventPublisher events) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Ends every browser session of the user (auth-server's and the portal's) and revokes their refresh tokens. */
    @Transactional
    public void signOutEverywhere(Actor actor, long userId) {
        user(userId);
        sessions.revokeAll(userId);
        int revoked = users.revokeAuthorizations(userId);
        audit.record(actor, "user.sessions_revoked", "user", userId,
                Map.of("revoked_authorizations", revoked, "by_self", actor.userId() == userId));
    }

    /**
     * Deletes the user with their identities, API keys (every gateway drops them: the invalidation is
     * published after commit), refresh tokens, consents and sessions. The audit trail keeps its lines, this
     * one included. The last active admin cannot go.
     */
    @Transactional
    public void delete(Actor actor, long userId) {
        User user = user(userId);
        Role adminRole = user.active() ? adminRoleOf(user) : null;
        if (adminRole != null) {
            keepAnAdmin(adminRole, userId);
        }
        users.lockById(userId);
        // Raised before the rows go: the listener reads the keys' hashes now, gateways hear of them after commit.
        events.publishEvent(new UserAccessChanged(userId));
        int keys = count("SELECT count(*) FROM api_keys WHERE user_id = :id", userId);
        int identities = count("SELECT count(*) FROM oauth_accounts WHERE user_id = :id", userId);
        sessions.revokeAll(userId);
        int authorizations = users.revokeAuthorizations(userId);
        users.revokeConsents(userId);
        users.deleteById(userId);
        audit.record(actor, "user.deleted", "user", userId, Map.of("by_self", actor.userId() == userId, "api_keys", keys,
                "identities", identities, "revoked_authorizations", authorizations));
    }

    private int count(String sql, long userId) {
        return jdbc.sql(sql).param("id", userId).query(Integer.class).single();
    }

    private User user(long userId) {
        return users.findById(userId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No user with id " + userId + "."));
    }

    private Role adminRoleOf(User user) {
        return user.roleIds().isEmpty() ? null
                : roles.findByIdIn(user.roleIds()).stream().filter(r -> Actor.ADMIN_ROLE.equals(r.name())).findFirst()
                    .orElse(null);
    }

    /** As for taking the admin role away (UserAdministration): the admin role's row serialises the decision. */
    private void keepAnAdmin(Role adminRole, long userId) {
        roles.lockById(adminRole.id());
        if (users.countOtherActiveHolders(adminRole.id(), userId) == 0) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "last_admin",
                    "This is the last active admin: make another user admin first.");
        }
    }
}
