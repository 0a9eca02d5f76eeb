package org.ssoplatform.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 for a missing or unusable credential, with the RFC 6750 challenge: {@code Bearer} alone when
 * none was presented, {@code error="invalid_token"} when one was.
 */
@Component
public class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

    private final Problems problems;

    ProblemEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof InvalidBearerTokenException) {
            return invalidToken(exchange, "The access token is invalid or expired.");
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Authentication required: send a bearer token or an API key.",
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    public Mono<Void> invalidToken(ServerWebExchange exchange, String detail) {
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, Problems.invalidTokenChallenge(detail)));
    }
}
