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
@RequestMapping("/api/v1/roles")
@Tag(name = "Roles", description = "Reads need users:read (every seeded role has it, so users can look up the ids "
        + "they grant to their keys); writes need the admin role and a user JWT (an API-key token gets 403 "
        + "user_token_required). Changes invalidate every cached API-key token.")
@JwtOrApiKey
class RoleController {

    private final RoleRepository roles;

    private final RoleViews views;

    private final RoleCatalog catalog;

    RoleController(RoleRepository roles, RoleViews views, RoleCatalog catalog) {
        this.roles = roles;
        this.views = views;
        this.catalog = catalog;
    }

    @GetMapping({ "", "/" })
    @RequirePermission("users:read")
    @Operation(summary = "List roles with their permissions")
    List<RoleView> list() {
        return views.views(roles.findAll());
    }

    @GetMapping("/{roleId}")
    @RequirePermission("users:read")
    @Operation(summary = "One role with its permissions")
    RoleView get(@PathVariable long roleId) {
        return catalog.find(roleId);
    }

    @PostMapping({ "", "/" })
    @UserTokenRequired
    @ResponseStatus(HttpStatus.CREATED)
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Create a role (admin)",
            description = "Duplicate name: 409. Unknown ids in permission_ids: 400 (ids in a body are input to "
                    + "validate; ids in a path name the resource and give 404).")
    RoleView create(@Valid @RequestBody NewRole request, PlatformCaller caller) {
        return catalog.create(Actor.of(caller), request);
    }

    @DeleteMapping("/{roleId}")
    @UserTokenRequired
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Delete a role (admin)",
            description = "Refused with 409 while any user or API key holds the role, unless cascade=true, which "
                    + "removes it from them too. The admin role can never be deleted (409).")
    void delete(@PathVariable long roleId, @RequestParam(defaultValue = "false") boolean cascade,
            PlatformCaller caller) {
        catalog.delete(Actor.of(caller), roleId, cascade);
    }

    @PostMapping("/{roleId}/permissions/{permissionId}")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Add a permission to a role (admin)", description = "Idempotent.")
    RoleView addPermission(@PathVariable long roleId, @PathVariable long permissionId, PlatformCaller caller) {
        return catalog.addPermission(Actor.of(caller), roleId, permissionId);
    }

    @DeleteMapping("/{roleId}/permissions/{permissionId}")
    @UserTokenRequired
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Remove a permission from a role (admin)", description = "Idempotent.")
    RoleView removePermission(@PathVariable long roleId, @PathVariable long permissionId, PlatformCaller caller) {
        return catalog.removePermission(Actor.of(caller), roleId, permissionId);
    }
}
