package org.ssoplatform.auth.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.UserTokenRequired;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.PlatformCaller;

/**
 * Signing out everywhere and deleting accounts: only with a person's own token (an API-key token gets 401, or
 * 403 user_token_required for a deletion, which changes rights),
 * for oneself, or as an admin for anyone.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Profiles, role assignment and account status.")
@JwtOnly
class UserAccountController {

    private final AccountSecurity accounts;

    UserAccountController(AccountSecurity accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/me/sessions/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign out everywhere",
            description = "Ends every browser session of the caller (auth-server's and the portal's) and revokes "
                    + "all their refresh tokens. Access tokens already issued end within their lifetime (15 min).")
    void signOutEverywhere(PlatformCaller caller) {
        Actor actor = Actor.of(caller);
        accounts.signOutEverywhere(actor, actor.userId());
    }

    @PostMapping("/{userId}/sessions/revoke")
    @PreAuthorize("hasRole('" + Actor.ADMIN_ROLE + "') and hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign a user out everywhere (admin with users:write)")
    void signOutEverywhere(@PathVariable long userId, PlatformCaller caller) {
        accounts.signOutEverywhere(Actor.of(caller), userId);
    }

    @DeleteMapping("/me")
    @UserTokenRequired
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the caller's account",
            description = "Identities, API keys (refused by every gateway within a second), refresh tokens, consents "
                    + "and sessions go; the audit trail keeps the event. The last active admin cannot (409 last_admin).")
    void deleteMe(PlatformCaller caller) {
        Actor actor = Actor.of(caller);
        accounts.delete(actor, actor.userId());
    }

    @DeleteMapping("/{userId}")
    @UserTokenRequired
    @PreAuthorize("hasRole('" + Actor.ADMIN_ROLE + "') and hasAuthority('users:delete')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user (admin with users:delete)",
            description = "As deleting one's own account; the last active admin cannot be deleted (409 last_admin).")
    void delete(@PathVariable long userId, PlatformCaller caller) {
        accounts.delete(Actor.of(caller), userId);
    }
}
