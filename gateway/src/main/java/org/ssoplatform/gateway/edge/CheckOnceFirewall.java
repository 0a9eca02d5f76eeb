package org.ssoplatform.gateway.edge;

import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
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
 * only makes it stricter. Its checks of the method, URL and host stay as they are. Its check of the
 * outgoing headers for CR and LF, a pass over every response header before it is sent (see
 * docs/performance.md#check-once-firewall), is left out: Reactor Netty refuses such a value as it is set, before
 * any check could run ({@code ResponseHeaderValidationTests}).
 */
final class CheckOnceFirewall implements ServerWebExchangeFirewall {

    private final ServerWebExchangeFirewall firewall;

    CheckOnceFirewall(ServerWebExchangeFirewall firewall) {
        this.firewall = firewall;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        ServerWebExchange requestChecksOnly = exchange.mutate().response(new NoCommitActions(exchange.getResponse())).build();
        return this.firewall.getFirewalledExchange(requestChecksOnly).map(firewalled -> {
            ServerHttpRequest request = firewalled.getRequest();
            HttpHeaders headers = request.getHeaders();
            headers.headerNames().forEach(headers::get);
            request.getQueryParams();
            return exchange;
        });
    }

    /** The response as the firewall sees it: what it would do before the commit is not registered. */
    private static final class NoCommitActions extends ServerHttpResponseDecorator {

        NoCommitActions(ServerHttpResponse response) {
            super(response);
        }

        @Override
        public void beforeCommit(Supplier<? extends Mono<Void>> action) {
        }
    }
}
