package org.ssoplatform.gateway.edge;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Headers;

/**
 * Which credentials a request carries, decided once per request from its headers and kept on the
 * exchange: every stage that depends on it (the choice of lane or chain, the refusal of both at once)
 * reads this instead of looking at the headers again.
 */
enum Credentials {

    /** Neither an {@code Authorization} header nor an {@code X-API-Key}. */
    NONE,

    /** Only an {@code X-API-Key}. */
    API_KEY,

    /** Only an {@code Authorization} header, which the API chain reads as a bearer token. */
    BEARER,

    /** Both: ambiguous, refused with 400 ({@link CredentialConflictFilter}). */
    BOTH;

    private static final String ATTRIBUTE = Credentials.class.getName();

    /** The request's credentials, decided by the first stage that asks. */
    static Credentials of(ServerWebExchange exchange) {
        Credentials known = exchange.getAttribute(ATTRIBUTE);
        if (known == null) {
            known = classify(exchange.getRequest().getHeaders());
            exchange.getAttributes().put(ATTRIBUTE, known);
        }
        return known;
    }

    private static Credentials classify(HttpHeaders headers) {
        boolean bearer = headers.containsHeader(HttpHeaders.AUTHORIZATION);
        boolean apiKey = headers.containsHeader(Headers.API_KEY);
        if (bearer) {
            return apiKey ? BOTH : BEARER;
        }
        return apiKey ? API_KEY : NONE;
    }
}
