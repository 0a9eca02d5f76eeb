package org.ssoplatform.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
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

    AccessRules(GatewayProperties properties, Environment environment) {
        List<String> open = new ArrayList<>(properties.publicPaths());
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            // The actuator then answers on its own port only, which nothing public reaches: on the
            // application's port these paths have no handler and answer 404.
            open.add("/actuator/**");
        }
        this.publicPaths = PathPatterns.of(open);
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
