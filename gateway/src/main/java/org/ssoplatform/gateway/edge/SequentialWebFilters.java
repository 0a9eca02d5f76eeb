package org.ssoplatform.gateway.edge;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Web filters run as one filter, in their order: the server's ({@link WebHandlerConfig}) and each lane's
 * of {@link EdgeChains}. Spring's chain wraps every filter of every request in a Reactor checkpoint
 * named by the filter's {@code toString()} (a class name and an identity hash, formatted anew each
 * time), and each checkpoint is one more subscriber that every signal and every lookup of the Reactor
 * context passes through between the server and the backend's response. Here each next filter starts
 * as lazily as there (when its {@code Mono} is subscribed), an exception a filter throws becomes an
 * error signal as there, and the whole sequence has at most one checkpoint.
 */
final class SequentialWebFilters implements WebFilter {

    private final WebFilter[] filters;

    private final String name;

    SequentialWebFilters(List<WebFilter> filters) {
        this.filters = filters.toArray(WebFilter[]::new);
        this.name = Arrays.stream(this.filters)
            .map(filter -> filter.getClass().getSimpleName())
            .collect(Collectors.joining(", ", "web filters [", "]"));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return filter(0, exchange, chain);
    }

    private Mono<Void> filter(int index, ServerWebExchange exchange, WebFilterChain chain) {
        if (index == this.filters.length) {
            return chain.filter(exchange);
        }
        return this.filters[index].filter(exchange, next -> Mono.defer(() -> filter(index + 1, next, chain)));
    }

    /** The checkpoint's name, asked on every request. */
    @Override
    public String toString() {
        return this.name;
    }
}
