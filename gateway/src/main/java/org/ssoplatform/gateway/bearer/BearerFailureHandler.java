package org.ssoplatform.gateway.bearer;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * A bad token is the caller's problem (401); keys that could not be fetched at all are ours (503),
 * so a client does not throw away a good token because auth-server was briefly unreachable.
 */
@Component
public class BearerFailureHandler implements ServerAuthenticationFailureHandler {

    private final ProblemEntryPoint entryPoint;

    private final Problems problems;

    BearerFailureHandler(ProblemEntryPoint entryPoint, Problems problems) {
        this.entryPoint = entryPoint;
        this.problems = problems;
    }

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            return problems.write(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    "The keys to verify the token are unavailable; try again later.");
        }
        return entryPoint.invalidToken(exchange.getExchange(), "The access token is invalid or expired.");
    }
}
