package org.ssoplatform.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.contract.Headers;
import reactor.core.publisher.Mono;

/**
 * Every request carries an {@code X-Correlation-Id}: the caller's if it looks like an id (so it cannot
 * smuggle text into downstream logs), otherwise a new one. It goes downstream ({@link ProxiedRequestHeaders}),
 * back on the response, into every problem body and into every log line the gateway writes for the request
 * ({@link RequestLog}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    static final String ATTRIBUTE = CorrelationIdFilter.class.getName();

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String inbound = exchange.getRequest().getHeaders().getFirst(Headers.CORRELATION_ID);
        String id = inbound != null && ACCEPTABLE.matcher(inbound).matches() ? inbound : newId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(Headers.CORRELATION_ID, id);
        return chain.filter(exchange); // ProxiedRequestHeaders passes it on
    }

    /**
     * A version-4 UUID from the thread's own generator: an id has to be unique, not unguessable, and
     * {@code UUID.randomUUID()}'s {@code SecureRandom} takes a lock (see docs/performance.md#correlation-ids).
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The request's correlation id. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
