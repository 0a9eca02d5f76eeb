package org.ssoplatform.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * A request with both an {@code Authorization} header and an {@code X-API-Key} is ambiguous: which
 * identity should the backend see? It is refused with 400 before either is looked at, rather than
 * silently preferring one.
 */
record CredentialConflictFilter(Problems problems) implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Credentials.of(exchange) == Credentials.BOTH ? problems.write(exchange, HttpStatus.BAD_REQUEST,
                "Send either an Authorization header or an X-API-Key, not both.") : chain.filter(exchange);
    }
}
