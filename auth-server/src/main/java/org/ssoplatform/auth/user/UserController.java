package org.ssoplatform.auth.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.shared.UserTokenRequired;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequirePermission;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Profiles, role assignment and account status.")
@JwtOrApiKey
class UserController {

    private final UserRepository users;

    private final UserViews views;

    private final UserAdministration administration;

    UserController(UserRepository users, UserViews views, UserAdministration administration) {
        this.users = users;
        this.views = views;
        this.administration = administration;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own profile, with roles and their permissions")
    UserView me(PlatformCaller caller) {
        long userId = Actor.of(caller).userId();
        return views.find(userId)
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No user with id " + userId + "."));
    }

    /**
     * Every seeded role holds {@code users:read}, so that permission alone would let any user list everyone's
     * e-mail: the seed's "admin only" holds as well.
     */
    @GetMapping({ "", "/" })
    @PreAuthorize("hasRole('" + Actor.ADMIN_ROLE + "') and hasAuthority('users:read')")
    @Operation(summary = "List users (needs the admin role and users:read)",
            description = "Paginated by id; `email` filters by a case-insensitive substring.")
    UserPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Size(max = 320) String email) {
        PageRequest request = PageRequest.of(page, size, Sort.by("id"));
        Page<User> found = StringUtils.hasText(email) ? users.findByEmailContainingIgnoreCase(email, request)
                : users.findAll(request);
        return new UserPage(views.of(found.getContent()), page, size, found.getTotalElements());
    }

    @PostMapping("/{userId}/roles/{roleId}")
    @UserTokenRequired
    @RequirePermission("users:write")
    @Operation(summary = "Grant a role to a user (needs users:write)",
            description = "Needs a user JWT (an API-key token gets 403 user_token_required). Only admins grant `admin`; others "
                    + "only roles whose permissions they all hold, and never to themselves (else 403). "
                    + "Idempotent. The user's API keys are invalidated in the gateways' caches.")
    UserView addRole(@PathVariable long userId, @PathVariable long roleId, PlatformCaller caller) {
        return administration.addRole(Actor.of(caller), userId, roleId);
    }

    @DeleteMapping("/{userId}/roles/{roleId}")
    @UserTokenRequired
    @RequirePermission("users:write")
    @Operation(summary = "Remove a role from a user (needs users:write)",
            description = "Same rule as granting. Idempotent.")
    UserView removeRole(@PathVariable long userId, @PathVariable long roleId, PlatformCaller caller) {
        return administration.removeRole(Actor.of(caller), userId, roleId);
    }

    @PatchMapping("/{userId}")
    @UserTokenRequired
    @RequirePermission("users:write")
    @Operation(summary = "Activate or deactivate a user (needs users:write)",
            description = "Deactivation revokes the user's refresh tokens and invalidates their API keys; access "
                    + "tokens already issued end within their short lifetime. You cannot deactivate yourself (409); "
                    + "only admins change an admin's account.")
    UserView patch(@PathVariable long userId, @Valid @RequestBody UserPatch patch, PlatformCaller caller) {
        return administration.setActive(Actor.of(caller), userId, patch.isActive());
    }
}
