package org.ssoplatform.auth.federation;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.user.UserRepository;

/** Unlinking provider accounts. */
@Service
class Identities {

    private final OAuthAccountRepository accounts;

    private final UserRepository users;

    private final AuditLog audit;

    Identities(OAuthAccountRepository accounts, UserRepository users, AuditLog audit) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    /**
     * The user's row is locked first, so two unlinks of a user's last two accounts at once are decided one
     * after the other and the second is refused.
     */
    @Transactional
    public void unlink(Actor actor, long identityId) {
        users.lockById(actor.userId());
        List<OAuthAccount> linked = accounts.findByUserId(actor.userId());
        OAuthAccount account = linked.stream()
            .filter(a -> a.id() == identityId)
            .findFirst()
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found",
                    "You have no linked identity with id " + identityId + "."));
        if (linked.size() == 1) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "last_identity",
                    "This is your only way to sign in: link another provider before unlinking it.");
        }
        accounts.delete(account);
        audit.record(actor, "identity.unlinked", "user", actor.userId(),
                Map.of("provider", account.provider(), "identity_id", account.id()));
    }
}
