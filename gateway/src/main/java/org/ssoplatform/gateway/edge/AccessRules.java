package org.ssoplatform.gateway.edge;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.ssoplatform.gateway.config.GatewayProperties;
import org.ssoplatform.gateway.web.PathPatterns;

/**
 * The edge's authorization rules, the one place they are defined: the API chain applies them
 * ({@link EdgeSecurityConfig}) and the lanes beside it ({@link EdgeChains}) take only requests they let
 * through. A public path is open to anyone; every other path is open to any authenticated caller, which
 * every accepted bearer token and API key makes, so the API-key lane, which accepts its keys itself,
 * needs no authorization stage of its own. A rule that could refuse an authenticated caller would have
 * to be checked in that lane too ({@code LaneAuthorizationTests} fails until it is).
 */
@Component
final class AccessRules {

    private final PathPatterns publicPaths;

    AccessRules(GatewayProperties properties) {
        this.publicPaths = PathPatterns.of(properties.publicPaths());
    }

    /** The API chain's authorization. */
    void applyTo(AuthorizeExchangeSpec exchanges) {
        exchanges.matchers(this.publicPaths).permitAll().anyExchange().authenticated();
    }

    /** Whether a request with no credential is let through: its path is public. */
    boolean openToAnyone(ServerHttpRequest request) {
        return this.publicPaths.test(request);
    }
}
