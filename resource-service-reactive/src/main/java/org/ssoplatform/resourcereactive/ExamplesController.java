package org.ssoplatform.resourcereactive;

import java.util.Map;

import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.ApiKeyOnly;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequirePermission;
import org.ssoplatform.resourceserver.RequireRole;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's example routes, one per kind of requirement, on WebFlux. Secured routes return {@code Mono}: reactive
 * method security checks a method when its result is subscribed.
 */
@RestController
@RequestMapping("/examples")
class ExamplesController {

    @GetMapping("/public")
    Mono<Map<String, String>> publicEndpoint() {
        return Mono.just(Map.of("message", "This is a public endpoint - no authentication required", "status", "public"));
    }

    @JwtOnly
    @GetMapping("/jwt-only")
    Mono<ExampleResponse> jwtOnly(PlatformCaller caller) {
        return Mono.just(ExampleResponse.of("Success! You accessed this endpoint with JWT token", caller));
    }

    @ApiKeyOnly
    @GetMapping("/apikey-only")
    Mono<ExampleResponse> apiKeyOnly(PlatformCaller caller) {
        return Mono.just(ExampleResponse.of("Success! You accessed this endpoint with API Key", caller));
    }

    @JwtOrApiKey
    @GetMapping("/either-auth")
    Mono<ExampleResponse> eitherAuth(PlatformCaller caller) {
        String how = caller.authType() == AuthType.API_KEY ? "API Key" : "JWT token";
        return Mono.just(ExampleResponse.of("Success! You accessed this endpoint with " + how, caller));
    }

    @JwtOrApiKey
    @RequireRole("admin")
    @GetMapping("/admin-only")
    Mono<ExampleResponse> adminOnly(PlatformCaller caller) {
        return Mono.just(ExampleResponse.of("Admin access granted", caller));
    }

    @JwtOrApiKey
    @RequirePermission("users:read")
    @GetMapping("/read-users-permission")
    Mono<ExampleResponse> readUsers(PlatformCaller caller) {
        return Mono.just(ExampleResponse.of("You have permission to read users", caller));
    }

    @JwtOrApiKey
    @RequirePermission("users:write")
    @GetMapping("/write-users-permission")
    Mono<ExampleResponse> writeUsers(PlatformCaller caller) {
        return Mono.just(ExampleResponse.of("You have permission to write users", caller));
    }
}
