package org.ssoplatform.resourceserver;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.contract.AuthType;

/** One route per library annotation; each answers who called, as the library sees it. */
@RestController
class TestRoutes {

    @GetMapping("/open")
    Map<String, Object> open() {
        return Map.of("open", true);
    }

    @GetMapping("/any")
    PlatformCaller any(PlatformCaller caller) {
        return caller;
    }

    @GetMapping("/static-accessor")
    PlatformCaller staticAccessor() {
        return PlatformCaller.current();
    }

    @JwtOnly
    @GetMapping("/jwt-only")
    PlatformCaller jwtOnly(PlatformCaller caller) {
        return caller;
    }

    @ApiKeyOnly
    @GetMapping("/api-key-only")
    PlatformCaller apiKeyOnly(PlatformCaller caller) {
        return caller;
    }

    @JwtOrApiKey
    @GetMapping("/jwt-or-api-key")
    PlatformCaller jwtOrApiKey(PlatformCaller caller) {
        return caller;
    }

    @RequireAuthType(AuthType.CLIENT)
    @GetMapping("/client-only")
    PlatformCaller clientOnly(PlatformCaller caller) {
        return caller;
    }

    @JwtOnly
    @RequireRole("admin")
    @GetMapping("/jwt-admin")
    PlatformCaller jwtAdmin(PlatformCaller caller) {
        return caller;
    }

    @RequirePermission("users:write")
    @GetMapping("/users-write")
    PlatformCaller usersWrite(PlatformCaller caller) {
        return caller;
    }

    @RequireScope("reports")
    @GetMapping("/reports-scope")
    PlatformCaller reportsScope(PlatformCaller caller) {
        return caller;
    }
}
