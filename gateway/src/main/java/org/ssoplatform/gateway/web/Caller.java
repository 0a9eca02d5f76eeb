package org.ssoplatform.gateway.web;

import java.security.Principal;

import org.springframework.web.server.ServerWebExchange;

/**
 * The caller of a request that a lane of the edge decided outside Spring Security's chains, handed to
 * later stages (the rate limiter) explicitly on the exchange: an API key's caller, or no caller at all
 * on a public path. A request the chains decided has none, and its caller is the exchange's principal.
 *
 * @param principal the authenticated caller, or null for an anonymous request
 */
public record Caller(Principal principal) {

    /** A request with no credential on a public path. */
    public static final Caller ANONYMOUS = new Caller(null);

    private static final String ATTRIBUTE = Caller.class.getName();

    public void putOn(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    /** The caller a lane decided, or null when Spring Security's chains decided the request. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
