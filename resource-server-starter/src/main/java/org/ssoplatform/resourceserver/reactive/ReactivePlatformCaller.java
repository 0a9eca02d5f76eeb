package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.PlatformCaller;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The reactive counterpart of {@link PlatformCaller#current()}: the security context lives in Reactor's context. */
public final class ReactivePlatformCaller {

    private ReactivePlatformCaller() {
    }

    /** The caller of the current request; a missing or non-JWT authentication answers 401 through the entry point. */
    public static Mono<PlatformCaller> current() {
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .filter(JwtAuthenticationToken.class::isInstance)
            .map(token -> PlatformCaller.from(((JwtAuthenticationToken) token).getToken()))
            .switchIfEmpty(Mono.error(() -> new AuthenticationCredentialsNotFoundException(
                    "No platform access token in this request")));
    }
}
