package org.ssoplatform.gateway.edge;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security's filter chain proxy with the edge's two simplest chains, its lanes, taken off its
 * dispatch: no credential on a public path, and only an API key. The proxy chooses each request's
 * chain in a Reactor pipeline (the firewall, every chain's matcher in turn, the chosen chain's filters
 * collected into a list), which costs a public request a fifth of what plain Spring Cloud Gateway
 * spends proxying it (see docs/performance.md#edge-pipeline). A lane is chosen by the request's
 * {@link Credentials} and its path, synchronously; a request one takes goes through the same firewall
 * and the same handler of rejected requests as the proxy's chains, then the lane's filters. Every other
 * request goes to the proxy unchanged.
 */
final class EdgeChains implements WebFilter {

    /** Requests carrying {@code credentials} on a path {@code paths} accepts skip the proxy and run {@code filter}. */
    record Lane(Credentials credentials, Predicate<ServerHttpRequest> paths, WebFilter filter) {

        /** A lane running {@code filters} in their order. */
        Lane(Credentials credentials, Predicate<ServerHttpRequest> paths, List<WebFilter> filters) {
            this(credentials, paths, new SequentialWebFilters(filters));
        }
    }

    private final WebFilter proxy;

    private final ServerWebExchangeFirewall firewall;

    private final ServerExchangeRejectedHandler rejected;

    private final Map<Credentials, Lane> lanes = new EnumMap<>(Credentials.class);

    EdgeChains(WebFilter proxy, ServerWebExchangeFirewall firewall, ServerExchangeRejectedHandler rejected,
            List<Lane> lanes) {
        this.proxy = proxy;
        this.firewall = firewall;
        this.rejected = rejected;
        for (Lane lane : lanes) {
            if (this.lanes.put(lane.credentials(), lane) != null) {
                throw new IllegalArgumentException("Two lanes for requests with credentials " + lane.credentials());
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Lane lane = this.lanes.get(Credentials.of(exchange));
        if (lane != null && lane.paths().test(exchange.getRequest())) {
            return this.firewall.getFirewalledExchange(exchange)
                .flatMap(firewalled -> lane.filter().filter(firewalled, chain))
                .onErrorResume(ServerExchangeRejectedException.class, ex -> this.rejected.handle(exchange, ex));
        }
        return this.proxy.filter(exchange, chain);
    }
}
