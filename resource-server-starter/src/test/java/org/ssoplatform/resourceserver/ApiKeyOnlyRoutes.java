package org.ssoplatform.resourceserver;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annotation on the class covers every route; a method's own annotation overrides it. */
@ApiKeyOnly
@RestController
class ApiKeyOnlyRoutes {

    @GetMapping("/keys/usage")
    PlatformCaller usage(PlatformCaller caller) {
        return caller;
    }

    @JwtOnly
    @GetMapping("/keys/for-people")
    PlatformCaller forPeople(PlatformCaller caller) {
        return caller;
    }
}
