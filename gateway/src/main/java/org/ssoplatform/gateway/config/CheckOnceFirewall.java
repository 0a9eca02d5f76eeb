package org.ssoplatform.gateway.config;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies a firewall's request checks once, when the request arrives, and lets the request go on
 * unwrapped. Spring Security's strict firewall checks lazily: its exchange makes a new request and a
 * new header wrapper on every read and checks the header read each time, and a proxied request's
 * headers are read many times (credentials, routing, every header filter of Spring Cloud Gateway).
 * Here every header name, header value and query parameter is read once through the firewall's own
 * wrappers, so the verdicts are the firewall's; a header no one would have read is checked too, which
 * only makes it stricter. Its checks of the method, URL, host and outgoing response headers stay as
 * they are.
 */
final class CheckOnceFirewall implements ServerWebExchangeFirewall {

    private final ServerWebExchangeFirewall firewall;

    CheckOnceFirewall(ServerWebExchangeFirewall firewall) {
        this.firewall = firewall;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return this.firewall.getFirewalledExchange(exchange).map(firewalled -> {
            ServerHttpRequest request = firewalled.getRequest();
            HttpHeaders headers = request.getHeaders();
            headers.headerNames().forEach(headers::get);
            request.getQueryParams();
            return exchange;
        });
    }
}
