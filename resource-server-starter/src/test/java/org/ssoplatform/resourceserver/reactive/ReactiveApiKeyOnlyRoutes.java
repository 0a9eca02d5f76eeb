package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.ApiKeyOnly;
import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.PlatformCaller;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The annotation on the class covers every route; a method's own annotation overrides it. */
@ApiKeyOnly
@RestController
class ReactiveApiKeyOnlyRoutes {

    @GetMapping("/keys/usage")
    Mono<PlatformCaller> usage(PlatformCaller caller) {
        return Mono.just(caller);
    }

    @JwtOnly
    @GetMapping("/keys/for-people")
    Mono<PlatformCaller> forPeople(PlatformCaller caller) {
        return Mono.just(caller);
    }
}
