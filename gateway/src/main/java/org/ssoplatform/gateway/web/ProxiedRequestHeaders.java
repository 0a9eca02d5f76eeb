package org.ssoplatform.gateway.web;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Headers;

/**
 * The headers the gateway itself sets on a proxied request, written once into the outgoing copy Spring
 * Cloud Gateway makes anyway: the correlation id, and for an API-key request the exchanged token as
 * {@code Authorization: Bearer} with {@code X-API-Key} removed, so no backend ever sees a key. Mutating
 * the inbound request instead costs a copy of every header and a new request per change (see
 * docs/performance.md#single-pass-headers).
 */
@Component
public class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    private static final String AUTHORIZATION = ProxiedRequestHeaders.class.getName() + ".authorization";

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
        writeOwn(output, exchange);
        return output;
    }

    /** Sets the gateway's own headers on an outgoing copy that no longer holds {@code X-API-Key}. */
    public void writeOwn(HttpHeaders output, ServerWebExchange exchange) {
        String authorization = exchange.getAttribute(AUTHORIZATION);
        if (authorization != null) {
            output.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String correlationId = CorrelationIdFilter.of(exchange);
        if (correlationId != null) {
            output.set(Headers.CORRELATION_ID, correlationId);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
