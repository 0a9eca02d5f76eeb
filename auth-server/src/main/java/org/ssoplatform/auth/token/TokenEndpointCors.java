package org.ssoplatform.auth.token;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.ssoplatform.auth.shared.PublicGateway;

/**
 * CORS for the endpoints a public client's page calls from the browser: Swagger UI on the gateway's
 * origin exchanges its code (PKCE) and refreshes or revokes its token. Only the gateway's origin; no
 * cookies (these endpoints authenticate the client, never a browser session).
 */
public final class TokenEndpointCors {

    private TokenEndpointCors() {
    }

    /**
     * The browsers' preflight requests to those endpoints: the authorization server's own matcher takes
     * only their POSTs, and a preflight answered by any other chain would be a redirect to the login page.
     */
    public static RequestMatcher preflights(AuthorizationServerSettings settings) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(HttpMethod.OPTIONS, settings.getTokenEndpoint()),
                paths.matcher(HttpMethod.OPTIONS, settings.getTokenRevocationEndpoint()));
    }

    public static CorsConfigurationSource of(PublicGateway gateway, AuthorizationServerSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(gateway.origin()));
        cors.setAllowedMethods(List.of("POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Authorization", "X-Requested-With"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(settings.getTokenEndpoint(), cors);
        source.registerCorsConfiguration(settings.getTokenRevocationEndpoint(), cors);
        return source;
    }
}
