package org.ssoplatform.gateway.edge;

import java.util.List;
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
 * collected into a list), which beyond the firewall cost a public request 20 to 25 µs of CPU, a fifth
 * of what plain Spring Cloud Gateway spends proxying it (bench/README.md, session 9). Lanes are matched
 * synchronously; a request one takes goes through the same firewall and the same handler of rejected
 * requests as the proxy's chains, then the lane's filters. Every other request goes to the proxy
 * unchanged.
 */
final class EdgeChains implements WebFilter {

    /** Requests {@code matches} accepts skip the proxy and run {@code filter}. */
    record Lane(Predicate<ServerHttpRequest> matches, WebFilter filter) {

        /** A lane running {@code filters} in their order. */
        Lane(Predicate<ServerHttpRequest> matches, List<WebFilter> filters) {
            this(matches, new SequentialWebFilters(filters));
        }
    }

    private final WebFilter proxy;

    private final ServerWebExchangeFirewall firewall;

    private final ServerExchangeRejectedHandler rejected;

    private final List<Lane> lanes;

    EdgeChains(WebFilter proxy, ServerWebExchangeFirewall firewall, ServerExchangeRejectedHandler rejected,
            List<Lane> lanes) {
        this.proxy = proxy;
        this.firewall = firewall;
        this.rejected = rejected;
        this.lanes = List.copyOf(lanes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Lane lane : this.lanes) {
            if (lane.matches().test(exchange.getRequest())) {
                return this.firewall.getFirewalledExchange(exchange)
                    .flatMap(firewalled -> lane.filter().filter(firewalled, chain))
                    .onErrorResume(ServerExchangeRejectedException.class, ex -> this.rejected.handle(exchange, ex));
            }
        }
        return this.proxy.filter(exchange, chain);
    }
}
