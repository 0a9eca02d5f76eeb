package org.ssoplatform.auth.client;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.UserTokenRequired;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequireRole;

/**
 * The OAuth client registry: applications and services join the platform by an administrator's call, not a
 * redeploy. Every call needs the admin role and a person's own token, reads included: a client's redirect URIs
 * and grants are what an attacker with a leaked key would study first.
 */
@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "OAuth clients", description = "Register, list, show, change and delete the OAuth clients of the "
        + "platform, and rotate their secrets. Needs the admin role and a user JWT; an API-key token gets 403 "
        + "user_token_required. Clients bootstrapped from configuration (gateway, portal, cli, swagger...) are shown "
        + "with `bootstrapped: true` and are read-only here (409 client_read_only). Every auth-server instance "
        + "sees a change within a second. Redirect URIs are exact absolute URIs: https, or http on 127.0.0.1, [::1] "
        + "or localhost only; no wildcard, no fragment.")
@JwtOnly
class ClientController {

    private final ClientRegistry registry;

    ClientController(ClientRegistry registry) {
        this.registry = registry;
    }

    @PostMapping({ "", "/" })
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a client (admin); a confidential client's `client_secret` is shown this once",
            description = "type: confidential (a generated secret of 256 bits, client_secret_basic or _post) or "
                    + "public (PKCE, no secret). grant_types among authorization_code, refresh_token (with "
                    + "authorization_code or the device code), client_credentials (confidential only) and "
                    + "urn:ietf:params:oauth:grant-type:device_code. authorization_code needs redirect_uris. "
                    + "Token lifetimes default to the platform's and must lie within "
                    + "platform.client-registry bounds; require_consent defaults to true. Without client_id the "
                    + "platform picks one. Bad input: 400 naming the field; a taken client_id: 409.")
    ClientView registerClient(@Valid @RequestBody NewClient request, PlatformCaller caller) {
        return registry.register(Actor.of(caller), request);
    }

    @GetMapping({ "", "/" })
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "List every client (admin), bootstrapped ones included; never a secret")
    List<ClientView> listClients(PlatformCaller caller) {
        return registry.list();
    }

    @GetMapping("/{clientId}")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "One client by its client_id (admin); never a secret")
    ClientView showClient(@PathVariable String clientId, PlatformCaller caller) {
        return registry.find(clientId);
    }

    @PatchMapping("/{clientId}")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Change a client (admin)",
            description = "Fields left out stay as they are; sets given replace the client's. The same rules as "
                    + "at registration apply to the result. The type (confidential or public) cannot change. "
                    + "Bootstrapped clients: 409 client_read_only.")
    ClientView changeClient(@PathVariable String clientId, @Valid @RequestBody ClientPatch patch,
            PlatformCaller caller) {
        return registry.change(Actor.of(caller), clientId, patch);
    }

    @DeleteMapping("/{clientId}")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a client (admin)",
            description = "Its refresh tokens and consents go with it; its access tokens expire on their own. "
                    + "Bootstrapped clients: 409 client_read_only.")
    void deleteClient(@PathVariable String clientId, PlatformCaller caller) {
        registry.delete(Actor.of(caller), clientId);
    }

    @PostMapping("/{clientId}/secret/rotate")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Rotate a confidential client's secret (admin): the new one in `client_secret`, shown once",
            description = "The old secret keeps working for `grace_seconds` (optional body; 0 stops it at once, on "
                    + "every instance within a second; at most and by default platform.client-registry."
                    + "rotation-grace, 24h), shown as previous_secret_expires_at; a secret rotated out before stops "
                    + "at once. Public clients: 409 public_client; bootstrapped clients: 409 client_read_only.")
    ClientView rotateClientSecret(@PathVariable String clientId,
            @Valid @RequestBody(required = false) SecretRotation rotation, PlatformCaller caller) {
        return registry.rotateSecret(Actor.of(caller), clientId, rotation == null ? null : rotation.graceSeconds());
    }
}
