package org.ssoplatform.gateway.edge;

import org.springframework.http.HttpHeaders;
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
public final class CredentialConflictFilter implements WebFilter {

    private final Problems problems;

    CredentialConflictFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.containsHeader(HttpHeaders.AUTHORIZATION) && headers.containsHeader(ApiKeyProperties.HEADER)) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST,
                    "Send either an Authorization header or an X-API-Key, not both.");
        }
        return chain.filter(exchange);
    }
}
