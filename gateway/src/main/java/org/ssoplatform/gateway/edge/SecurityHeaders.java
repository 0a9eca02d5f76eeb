package org.ssoplatform.gateway.edge;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Response headers on every answer, the gateway's own and proxied ones (a backend's own value of a
 * header wins): no sniffing, no framing, no referrer, no caching unless the backend says otherwise,
 * HSTS on HTTPS. The same headers Spring Security writes, in one pass: its writers copy the
 * response's header names once per header (see docs/performance.md#security-headers).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders implements WebFilter {

    private static final Map<String, String> ALWAYS = Map.of("X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", "X-XSS-Protection", "0", "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    private static final List<String> CACHING = List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.EXPIRES,
            HttpHeaders.PRAGMA);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            write(exchange);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void write(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        ALWAYS.forEach((name, value) -> {
            if (!headers.containsHeader(name)) {
                headers.set(name, value);
            }
        });
        boolean notModified = HttpStatus.NOT_MODIFIED.equals(exchange.getResponse().getStatusCode());
        if (!notModified && CACHING.stream().noneMatch(headers::containsHeader)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        if (exchange.getRequest().getSslInfo() != null && !headers.containsHeader("Strict-Transport-Security")) {
            headers.set("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
