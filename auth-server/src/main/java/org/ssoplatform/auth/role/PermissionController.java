package org.ssoplatform.auth.role;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.UserTokenRequired;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequirePermission;
import org.ssoplatform.resourceserver.RequireRole;

@RestController
@RequestMapping("/api/v1/roles/permissions")
@Tag(name = "Permissions", description = "resource:action grants. Reads need users:read; writes need the admin role "
        + "and a user JWT (an API-key token gets 403 user_token_required).")
@JwtOrApiKey
class PermissionController {

    private final PermissionRepository permissions;

    private final PermissionCatalog catalog;

    PermissionController(PermissionRepository permissions, PermissionCatalog catalog) {
        this.permissions = permissions;
        this.catalog = catalog;
    }

    @GetMapping({ "", "/" })
    @RequirePermission("users:read")
    @Operation(summary = "List permissions")
    List<Permission> list() {
        return permissions.findAllByOrderByName();
    }

    @PostMapping({ "", "/" })
    @UserTokenRequired
    @ResponseStatus(HttpStatus.CREATED)
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Create a permission (admin)",
            description = "Give name (resource:action), or resource and action, or all three: the missing ones are "
                    + "derived and the given ones must agree (else 400). Malformed: 400. Duplicate: 409.")
    Permission create(@Valid @RequestBody NewPermission request, PlatformCaller caller) {
        return catalog.create(Actor.of(caller), request);
    }

    @DeleteMapping("/{permissionId}")
    @UserTokenRequired
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Delete a permission (admin)",
            description = "Refused with 409 while any role or API key holds it, unless cascade=true, which removes "
                    + "it from them too.")
    void delete(@PathVariable long permissionId, @RequestParam(defaultValue = "false") boolean cascade,
            PlatformCaller caller) {
        catalog.delete(Actor.of(caller), permissionId, cascade);
    }
}
