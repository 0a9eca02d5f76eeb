package org.ssoplatform.resourceserver.reactive;

import java.util.Map;

import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.ApiKeyOnly;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequireAuthType;
import org.ssoplatform.resourceserver.RequirePermission;
import org.ssoplatform.resourceserver.RequireRole;
import org.ssoplatform.resourceserver.RequireScope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The servlet test routes on WebFlux: one route per library annotation, each answering who called. */
@RestController
class ReactiveTestRoutes {

    @GetMapping("/open")
    Mono<Map<String, Object>> open() {
        return Mono.just(Map.of("open", true));
    }

    @GetMapping("/any")
    Mono<PlatformCaller> any(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @GetMapping("/static-accessor")
    Mono<PlatformCaller> staticAccessor() {
        return ReactivePlatformCaller.current();
    }

    @JwtOnly
    @GetMapping("/jwt-only")
    Mono<PlatformCaller> jwtOnly(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @ApiKeyOnly
    @GetMapping("/api-key-only")
    Mono<PlatformCaller> apiKeyOnly(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @JwtOrApiKey
    @GetMapping("/jwt-or-api-key")
    Mono<PlatformCaller> jwtOrApiKey(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @RequireAuthType(AuthType.CLIENT)
    @GetMapping("/client-only")
    Mono<PlatformCaller> clientOnly(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @JwtOnly
    @RequireRole("admin")
    @GetMapping("/jwt-admin")
    Mono<PlatformCaller> jwtAdmin(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @RequirePermission("users:write")
    @GetMapping("/users-write")
    Mono<PlatformCaller> usersWrite(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @RequireScope("reports")
    @GetMapping("/reports-scope")
    Mono<PlatformCaller> reportsScope(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @JwtOnly
    @RequireRole("admin")
    @GetMapping("/admin-roles")
    Flux<Map<String, String>> adminRoles(PlatformCaller caller) {
        return Flux.fromIterable(caller.roles()).map(role -> Map.of("role", role));
    }
}
