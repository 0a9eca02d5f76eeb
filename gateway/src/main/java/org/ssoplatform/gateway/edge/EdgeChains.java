package org.ssoplatform.gateway.edge;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spring Security's filter chain proxy with the edge's three simplest chains, its lanes, taken off its
 * dispatch: no credential on a public path, only an API key, and a bearer token the API chain accepted before. The proxy chooses each request's
 * chain in a Reactor pipeline (the firewall, every chain's matcher in turn, the chosen chain's filters
 * collected into a list), which costs a public request a fifth of what plain Spring Cloud Gateway
 * spends proxying it (see docs/performance.md#edge-pipeline). A lane is chosen by the request's
 * {@link Credentials} and its path, synchronously; a request one takes goes through the same firewall
 * and the same handler of rejected requests as the proxy's chains, then the lane's filters. Every other
 * request goes to the proxy unchanged.
 */
final class EdgeChains implements WebFilter {

    /**
     * Requests carrying {@code credentials} that {@code takes} accepts skip the proxy and run {@code filter};
     * {@code takes} may leave what it found on the exchange for the filter (the bearer lane's caller).
     */
    record Lane(Credentials credentials, Predicate<ServerWebExchange> takes, WebFilter filter) {

        /** A lane running {@code filters} in their order. */
        Lane(Credentials credentials, Predicate<ServerWebExchange> takes, List<WebFilter> filters) {
            this(credentials, takes, new SequentialWebFilters(filters));
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
        if (lane != null && lane.takes().test(exchange)) {
            return this.firewall.getFirewalledExchange(exchange)
                .flatMap(firewalled -> lane.filter().filter(firewalled, chain))
                .onErrorResume(ServerExchangeRejectedException.class, ex -> this.rejected.handle(exchange, ex));
        }
        return this.proxy.filter(exchange, chain);
    }
}
