package org.ssoplatform.gateway.apikey;

import org.springframework.web.server.WebFilter;

/**
 * The two filters the API security chain places around bearer authentication. Held in this bean,
 * not exposed as {@link WebFilter} beans, which WebFlux would also run for every request outside
 * the security chain.
 */
public record ApiKeyFilters(WebFilter conflictCheck, WebFilter authentication) {
}
