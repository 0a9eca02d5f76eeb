package org.ssoplatform.gateway.tracing;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Hands an unsampled request's {@code traceparent} ({@link HeadSampling}) to the calls the gateway makes
 * for it, through the Reactor context: a sampled request's observation is there instead, from which the
 * observed clients take theirs.
 */
final class UnsampledTraceFilter implements WebFilter, Ordered {

    private static final String KEY = UnsampledTraceFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String traceparent = HeadSampling.unsampledTraceparent(exchange);
        return traceparent == null ? chain.filter(exchange) : chain.filter(exchange).contextWrite(c -> c.put(KEY, traceparent));
    }

    /** Ahead of the lanes, whose API-key lane makes the token exchange. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** The {@code traceparent} an outgoing call made for an unsampled request sends, or null. */
    static String traceparent(ContextView context) {
        return context.getOrDefault(KEY, null);
    }
}
