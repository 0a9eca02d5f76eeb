package org.ssoplatform.auth.federation;

import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

/**
 * Turns a provider identity into one of our users: the linked account's user; else the user who asked to
 * link it (an explicit, checked request, {@link LinkIntent}); else, on a <em>verified</em> e-mail match, the
 * user holding that address verified, with this account linked; else a new user with role {@code user}
 * (and {@code admin} for a bootstrap e-mail, if verified). An unverified e-mail never links and never
 * blocks the address for the person who can verify it: a user made from it keeps it unverified.
 * Two first sign-ins of one person at once (two tabs, a retrying client) race to insert the same user
 * or account; the loser's unique-key violation means the winner committed, so it decides again once.
 * The sign-in and any link or new user are audited in the same transaction.
 */
@Component
public class UserProvisioner {

    private final UserRepository users;

    private final OAuthAccountRepository accounts;

    private final RoleRepository roles;

    private final AuthServerProperties properties;

    private final AuditLog audit;

    private final TransactionTemplate tx;

    private final SignInMeters meters;

    UserProvisioner(UserRepository users, OAuthAccountRepository accounts, RoleRepository roles,
            AuthServerProperties properties, AuditLog audit, TransactionTemplate tx, SignInMeters meters) {
        this.meters = meters;
        this.users = users;
        this.accounts = accounts;
        this.roles = roles;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * @param identity what the provider asserted
     * @param linkTo the signed-in user who asked to link this very sign-in's account, or {@code null}
     * @param flow how the person signed in, for the audit trail
     * @return our user id
     */
    public long provision(FederatedIdentity identity, Long linkTo, FederatedSignIn.Flow flow) {
        long userId;
        try {
            userId = tx.execute(status -> signIn(identity, linkTo, flow));
        }
        catch (DuplicateKeyException concurrentFirstSignIn) {
            userId = tx.execute(status -> signIn(identity, linkTo, flow));
        }
        meters.succeeded(identity.provider());
        return userId;
    }

    private long signIn(FederatedIdentity identity, Long linkTo, FederatedSignIn.Flow flow) {
        long userId = decide(identity, linkTo);
        audit.recordEvent(userId, "auth.sign_in", "user", userId,
                Map.of("provider", identity.provider(), "flow", flow.auditName()));
        return userId;
    }

    private long decide(FederatedIdentity identity, Long linkTo) {
        Optional<OAuthAccountRepository.LinkedUser> linked = accounts.findLinkedUser(identity.provider(),
                identity.subject());
        if (linked.isPresent()) {
            long userId = linked.get().userId();
            if (linkTo != null && linkTo != userId) {
                throw new FederationException("account_linked_elsewhere",
                        "This " + identity.provider() + " account is already linked to another user");
            }
            if (!linked.get().isActive()) {
                throw deactivated();
            }
            return userId;
        }
        if (linkTo != null) {
            User requester = users.findById(linkTo).orElseThrow(() -> new FederationException("link_session_changed",
                    "The user who asked for this link no longer exists"));
            return link(requireActive(requester), identity, "link_request");
        }
        if (identity.email() == null || identity.email().isBlank()) {
            throw new FederationException("email_required",
                    "The provider did not share an e-mail address; allow e-mail access and try again");
        }
        Optional<User> owner = users.findByVerifiedEmail(identity.email());
        if (owner.isPresent()) {
            if (!identity.emailVerified()) {
                throw new FederationException("email_not_verified", "An account with this e-mail exists, but "
                        + identity.provider() + " has not verified it: sign in with your first provider and link this one");
            }
            return link(requireActive(owner.get()), identity, "verified_email");
        }
        User created = users.save(newUser(identity));
        accounts.save(OAuthAccount.link(created.id(), identity));
        audit.recordEvent(created.id(), "user.created", "user", created.id(),
                Map.of("provider", identity.provider(), "email_verified", identity.emailVerified()));
        return created.id();
    }

    private User newUser(FederatedIdentity identity) {
        User user = User.provisioned(identity.email(), identity.emailVerified(), identity.fullName(),
                identity.avatarUrl()).withRole(roleId("user"));
        return properties.isBootstrapAdmin(identity.email()) && identity.emailVerified()
                ? user.withRole(roleId("admin")) : user;
    }

    /**
     * Links the account; an address the account verifies and the user holds unverified becomes verified,
     * unless another user already holds it verified.
     */
    private long link(User user, FederatedIdentity identity, String via) {
        OAuthAccount account = accounts.save(OAuthAccount.link(user.id(), identity));
        if (identity.emailVerified() && !user.emailVerified() && user.email().equalsIgnoreCase(identity.email())) {
            users.markEmailVerified(user.id(), identity.email());
        }
        audit.recordEvent(user.id(), "identity.linked", "user", user.id(),
                Map.of("provider", identity.provider(), "identity_id", account.id(), "via", via));
        return user.id();
    }

    private long roleId(String name) {
        return roles.findByName(name).map(Role::id).orElseThrow(() -> new IllegalStateException("Role missing: " + name));
    }

    private static User requireActive(User user) {
        if (!user.active()) {
            throw deactivated();
        }
        return user;
    }

    private static FederationException deactivated() {
        return new FederationException("account_disabled", "This account is deactivated; ask an administrator");
    }
}
