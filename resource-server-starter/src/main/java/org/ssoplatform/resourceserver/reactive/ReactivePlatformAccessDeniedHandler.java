package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.PlatformProblem;
import reactor.core.publisher.Mono;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** A valid caller without the role, permission or scope: {@link PlatformProblem#forbidden()}. */
public final class ReactivePlatformAccessDeniedHandler implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ReactiveProblemResponses.write(exchange, PlatformProblem.forbidden());
    }
}
