package org.ssoplatform.auth.federation;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.config.AuthServerProperties;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

/**
 * Turns a provider identity into one of our users: the linked account's user; else, on a
 * <em>verified</em> e-mail match, that user with this account linked; else a new user with role
 * {@code user} (and {@code admin} for a bootstrap e-mail). An unverified e-mail never links.
 * Two first sign-ins of one person at once (two tabs, a retrying client) race to insert the same user
 * or account; the loser's unique-key violation means the winner committed, so it decides again once.
 */
@Component
public class UserProvisioner {

    private final UserRepository users;

    private final OAuthAccountRepository accounts;

    private final RoleRepository roles;

    private final AuthServerProperties properties;

    private final TransactionTemplate tx;

    UserProvisioner(UserRepository users, OAuthAccountRepository accounts, RoleRepository roles,
            AuthServerProperties properties, TransactionTemplate tx) {
        this.users = users;
        this.accounts = accounts;
        this.roles = roles;
        this.properties = properties;
        this.tx = tx;
    }

    /**
     * @param identity what the provider asserted
     * @param linkTo the signed-in user asking to link this account, or {@code null}
     * @return our user id
     */
    public long provision(FederatedIdentity identity, Long linkTo) {
        try {
            return tx.execute(status -> decide(identity, linkTo));
        }
        catch (DuplicateKeyException concurrentFirstSignIn) {
            return tx.execute(status -> decide(identity, linkTo));
        }
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
            return link(requireActive(users.findById(linkTo).orElseThrow()), identity);
        }
        if (identity.email() == null || identity.email().isBlank()) {
            throw new FederationException("email_required",
                    "The provider did not share an e-mail address; allow e-mail access and try again");
        }
        Optional<User> sameEmail = users.findByEmailIgnoreCase(identity.email());
        if (sameEmail.isPresent()) {
            if (!identity.emailVerified()) {
                throw new FederationException("email_not_verified", "An account with this e-mail exists, but "
                        + identity.provider() + " has not verified it: sign in with your first provider and link this one");
            }
            if (!ownsItsEmail(sameEmail.get())) {
                throw new FederationException("email_not_verified", "An account with this e-mail exists, but nobody "
                        + "has proven they own the address: sign in with the provider it was created with and link this one");
            }
            return link(requireActive(sameEmail.get()), identity);
        }
        return link(users.save(newUser(identity)), identity);
    }

    /**
     * Linking by e-mail is safe only if the existing user's e-mail was verified (or the user was
     * created by an administrator, with no account yet): otherwise someone who registered the
     * address unverified elsewhere would capture the real owner's sign-in (pre-hijacking).
     */
    private boolean ownsItsEmail(User user) {
        List<OAuthAccount> linked = accounts.findByUserId(user.id());
        return linked.isEmpty() || linked.stream().anyMatch(a -> a.emailVerified() && user.email().equalsIgnoreCase(a.email()));
    }

    private User newUser(FederatedIdentity identity) {
        User user = User.newUser(identity.email(), identity.fullName(), identity.avatarUrl()).withRole(roleId("user"));
        return properties.isBootstrapAdmin(identity.email()) && identity.emailVerified()
                ? user.withRole(roleId("admin")) : user;
    }

    private long link(User user, FederatedIdentity identity) {
        accounts.save(OAuthAccount.link(user.id(), identity));
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
