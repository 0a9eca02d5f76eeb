package org.ssoplatform.auth.federation;

import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;

/** The caller's linked provider accounts; linking itself happens in the browser, at {@code /account/link}. */
@RestController
@RequestMapping("/api/v1/users/me/identities")
@Tag(name = "Identities", description = "The provider accounts (Google, GitHub...) the caller signs in with. "
        + "Linking one is done in the browser at auth-server's /account/link.")
class IdentityController {

    private final OAuthAccountRepository accounts;

    private final Identities identities;

    IdentityController(OAuthAccountRepository accounts, Identities identities) {
        this.accounts = accounts;
        this.identities = identities;
    }

    @GetMapping({ "", "/" })
    @JwtOrApiKey
    @Operation(summary = "List the caller's linked provider accounts",
            description = "provider, provider_user_id, email, email_verified, linked_at.")
    List<IdentityView> list(PlatformCaller caller) {
        return accounts.findByUserId(Actor.of(caller).userId())
            .stream()
            .sorted(Comparator.comparing(OAuthAccount::createdAt).thenComparing(OAuthAccount::id))
            .map(IdentityView::of)
            .toList();
    }

    @DeleteMapping("/{identityId}")
    @JwtOnly
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink one of the caller's provider accounts (needs the user's own JWT)",
            description = "The last one cannot go (409 last_identity): without it nobody could sign in as this user. "
                    + "Someone else's identity is 404.")
    void unlink(@PathVariable long identityId, PlatformCaller caller) {
        identities.unlink(Actor.of(caller), identityId);
    }
}
