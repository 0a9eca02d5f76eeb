package org.ssoplatform.gateway.edge;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.gateway.config.GatewayProperties;
import reactor.core.publisher.Mono;

/**
 * Removes inbound copies of the headers the gateway owns before anything reads them, so a caller can
 * never pose as a user (e.g. a spoofed {@code X-User-Id}) towards a backend that trusts its edge.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OwnedHeadersFilter implements WebFilter {

    private final List<String> owned;

    OwnedHeadersFilter(GatewayProperties properties) {
        this.owned = List.copyOf(properties.ownedHeaders());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        if (owned.stream().noneMatch(headers::containsHeader)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> owned.forEach(h::remove))).build());
    }
}
