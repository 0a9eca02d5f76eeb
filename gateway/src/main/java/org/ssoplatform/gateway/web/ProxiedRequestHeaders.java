package org.ssoplatform.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Headers;
import org.ssoplatform.gateway.tracing.HeadSampling;

/**
 * The headers the gateway itself sets on a proxied request, written once into the outgoing copy Spring
 * Cloud Gateway makes anyway: the correlation id, and for an API-key request the exchanged token as
 * {@code Authorization: Bearer} with {@code X-API-Key} removed, so no backend ever sees a key. Mutating
 * the inbound request instead costs a copy of every header and a new request per change (see
 * docs/performance.md#single-pass-headers).
 * {@code Cookie} is dropped too unless the route's metadata says {@value #FORWARD_COOKIES}: the portal's
 * session cookie would let any backend act as the signed-in person.
 */
@Component
public class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Route metadata that lets a route's requests keep their {@code Cookie} header. */
    public static final String FORWARD_COOKIES = "forward-cookies";

    private static final String AUTHORIZATION = ProxiedRequestHeaders.class.getName() + ".authorization";

    private final ClientAddresses addresses;

    public ProxiedRequestHeaders(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    /**
     * The request goes on with this {@code Authorization} value ({@code Bearer <token>}) in place of its
     * API key; the caller builds this 800-byte string once per token, not once per request.
     */
    public static void relayAuthorization(ServerWebExchange exchange, String authorization) {
        exchange.getAttributes().put(AUTHORIZATION, authorization);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        output.putAll(input);
        output.remove(Headers.API_KEY);
        if (dropsCookies(exchange)) {
            output.remove(HttpHeaders.COOKIE);
        }
        writeOwn(output, exchange);
        return output;
    }

    /** Whether this request's route leaves its {@code Cookie} header behind (every route unless it opts in). */
    public static boolean dropsCookies(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null || !"true".equals(String.valueOf(route.getMetadata().get(FORWARD_COOKIES)));
    }

    /** Sets the gateway's own headers on an outgoing copy that no longer holds {@code X-API-Key}. */
    public void writeOwn(HttpHeaders output, ServerWebExchange exchange) {
        // The client as this gateway resolved it (trusted proxies only), in place of whatever the client sent:
        // auth-server, trusting the gateway, limits anonymous work per this address.
        if (exchange.getRequest().getRemoteAddress() != null) {
            output.set(FORWARDED_FOR, addresses.of(exchange.getRequest()));
        }
        String authorization = exchange.getAttribute(AUTHORIZATION);
        if (authorization != null) {
            output.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String correlationId = CorrelationIdFilter.of(exchange);
        if (correlationId != null) {
            output.set(Headers.CORRELATION_ID, correlationId);
        }
        // A sampled request's traceparent is already on the copy, put there by Spring Cloud Gateway's observation.
        String traceparent = HeadSampling.unsampledTraceparent(exchange);
        if (traceparent != null) {
            output.set(HeadSampling.TRACEPARENT, traceparent);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
