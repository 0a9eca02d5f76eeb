package org.ssoplatform.gateway.apikey;

import org.springframework.web.server.WebFilter;

/**
 * The API key's two filters: the API chain's refusal of a request carrying both a key and a bearer
 * token, and the authentication of the lane of requests carrying only a key ({@code config.EdgeChains}).
 * Held in this bean, not exposed as {@link WebFilter} beans, which WebFlux would also run for every
 * request outside the security chains.
 */
public record ApiKeyFilters(WebFilter conflictCheck, WebFilter authentication) {
}
