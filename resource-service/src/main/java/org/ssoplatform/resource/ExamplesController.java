package org.ssoplatform.resource;

import java.util.Map;

import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.ApiKeyOnly;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequirePermission;
import org.ssoplatform.resourceserver.RequireRole;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seed's example routes, one per kind of requirement. */
@RestController
@RequestMapping("/examples")
class ExamplesController {

    @GetMapping("/public")
    Map<String, String> publicEndpoint() {
        return Map.of("message", "This is a public endpoint - no authentication required", "status", "public");
    }

    @JwtOnly
    @GetMapping("/jwt-only")
    ExampleResponse jwtOnly(PlatformCaller caller) {
        return ExampleResponse.of("Success! You accessed this endpoint with JWT token", caller);
    }

    @ApiKeyOnly
    @GetMapping("/apikey-only")
    ExampleResponse apiKeyOnly(PlatformCaller caller) {
        return ExampleResponse.of("Success! You accessed this endpoint with API Key", caller);
    }

    @JwtOrApiKey
    @GetMapping("/either-auth")
    ExampleResponse eitherAuth(PlatformCaller caller) {
        String how = caller.authType() == AuthType.API_KEY ? "API Key" : "JWT token";
        return ExampleResponse.of("Success! You accessed this endpoint with " + how, caller);
    }

    @JwtOrApiKey
    @RequireRole("admin")
    @GetMapping("/admin-only")
    ExampleResponse adminOnly(PlatformCaller caller) {
        return ExampleResponse.of("Admin access granted", caller);
    }

    @JwtOrApiKey
    @RequirePermission("users:read")
    @GetMapping("/read-users-permission")
    ExampleResponse readUsers(PlatformCaller caller) {
        return ExampleResponse.of("You have permission to read users", caller);
    }

    @JwtOrApiKey
    @RequirePermission("users:write")
    @GetMapping("/write-users-permission")
    ExampleResponse writeUsers(PlatformCaller caller) {
        return ExampleResponse.of("You have permission to write users", caller);
    }
}
