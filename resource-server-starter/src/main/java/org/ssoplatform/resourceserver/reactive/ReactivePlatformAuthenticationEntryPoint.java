package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.PlatformProblem;
import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/** Answers every authentication failure as {@link PlatformProblem#forAuthenticationFailure} decides. */
public final class ReactivePlatformAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        return ReactiveProblemResponses.write(exchange, PlatformProblem.forAuthenticationFailure(failure));
    }
}
