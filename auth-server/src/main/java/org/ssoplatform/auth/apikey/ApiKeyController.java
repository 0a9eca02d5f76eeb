package org.ssoplatform.auth.apikey;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.PlatformCaller;

/** A user's own keys. Only a user's JWT manages keys (401 otherwise): a key cannot mint or change keys. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Needs a user JWT (an API-key token gets 401). Someone else's key is 404. "
        + "A key is granted only roles and permissions its owner holds (admins: any), else 403; unknown ids in the "
        + "body: 400. Concurrent changes to one key: one wins, the others get 409.")
@JwtOnly
class ApiKeyController {

    private static final String RATE_LIMIT = "`rate_limit` (`capacity`: requests at once, a whole number from 1; "
            + "`replenish_per_second`: the sustained rate, from 0.001) is the key's own bucket at the gateways; "
            + "without it their configured limit applies. A value above the maximum of the owner's roles "
            + "(platform.api-keys.rate-limit-maximum; admins: any) is 422 `rate_limit_above_maximum` naming the "
            + "field; a missing or invalid field, 400.";

    private final ApiKeyRepository keys;

    private final ApiKeyViews views;

    private final KeyLookup lookup;

    private final ApiKeyIssuer issuer;

    private final ApiKeyLifecycle lifecycle;

    ApiKeyController(ApiKeyRepository keys, ApiKeyViews views, KeyLookup lookup, ApiKeyIssuer issuer,
            ApiKeyLifecycle lifecycle) {
        this.keys = keys;
        this.views = views;
        this.lookup = lookup;
        this.issuer = issuer;
        this.lifecycle = lifecycle;
    }

    @PostMapping({ "", "/" })
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key; the answer's `key` is the secret, shown this once",
            description = "expires_at must be in the future (400); without it the key lives until revoked. "
                    + RATE_LIMIT)
    ApiKeyView create(@Valid @RequestBody NewApiKey request, PlatformCaller caller) {
        return issuer.create(Actor.of(caller), request);
    }

    @GetMapping({ "", "/" })
    @Operation(summary = "List your keys; admins may add all=true for everyone's")
    List<ApiKeyView> list(@RequestParam(defaultValue = "false") boolean all, PlatformCaller caller) {
        Actor actor = Actor.of(caller);
        if (all && !actor.admin()) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "admin_only", "Only an admin may list everyone's keys.");
        }
        return views.of(all ? keys.findAllByOrderById() : keys.findByUserIdOrderById(actor.userId()));
    }

    @GetMapping("/{keyId}")
    @Operation(summary = "One key (yours; admins: any)")
    ApiKeyView get(@PathVariable long keyId, PlatformCaller caller) {
        return views.of(lookup.visible(Actor.of(caller), keyId), null);
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a key (yours; admins: any)")
    void delete(@PathVariable long keyId, PlatformCaller caller) {
        lifecycle.delete(Actor.of(caller), keyId);
    }

    @PatchMapping("/{keyId}/deactivate")
    @Operation(summary = "Deactivate a key (yours; admins: any)",
            description = "An admin deactivating someone else's key locks it (`locked`): only an admin re-activates it.")
    ApiKeyView deactivate(@PathVariable long keyId, PlatformCaller caller) {
        return lifecycle.setActive(Actor.of(caller), keyId, false);
    }

    @PatchMapping("/{keyId}/activate")
    @Operation(summary = "Re-activate one of your keys",
            description = "A key an admin deactivated is locked: only an admin re-activates it (its owner gets 403 "
                    + "key_locked).")
    ApiKeyView activate(@PathVariable long keyId, PlatformCaller caller) {
        return lifecycle.setActive(Actor.of(caller), keyId, true);
    }

    @PostMapping("/{keyId}/rotate")
    @Operation(summary = "Rotate one of your keys: a new secret in `key`",
            description = "The old secret keeps working for `grace_seconds` (optional body; 0 stops it at once, on "
                    + "every gateway within a second; at most and by default platform.api-keys.rotation-grace, 24h), "
                    + "never beyond the key's expires_at; a secret rotated out before that stops at once.")
    ApiKeyView rotate(@PathVariable long keyId, @Valid @RequestBody(required = false) KeyRotation rotation,
            PlatformCaller caller) {
        return issuer.rotate(Actor.of(caller), keyId, rotation == null ? null : rotation.graceSeconds());
    }

    @PatchMapping("/{keyId}")
    @Operation(summary = "Rename one of your keys, move its expiry, replace its grants or set its rate limit",
            description = "Fields left out are unchanged; an expiry can be moved or set but not removed; "
                    + "`\"rate_limit\": null` puts the key back on the gateways' configured limit. " + RATE_LIMIT
                    + " Every gateway applies a new limit within a second.")
    ApiKeyView update(@PathVariable long keyId, @Valid @RequestBody ApiKeyPatch patch, PlatformCaller caller) {
        return lifecycle.update(Actor.of(caller), keyId, patch);
    }
}
