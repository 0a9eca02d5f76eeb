package org.ssoplatform.gateway.config;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.ssoplatform.contract.Headers;

/**
 * The edge itself ({@code platform.gateway.*}).
 *
 * @param authServerUrl where the gateway reaches auth-server (JWKS, token exchange)
 * @param authIssuer the public issuer in every token, also what browsers are sent to for login
 * @param publicPaths API paths that need no credential at the edge; every other routed path does
 * @param ownedHeaders headers only the gateway may set: any inbound copy is removed ({@code Headers.IDENTITY} by default)
 * @param corsAllowedOrigins browser origins allowed to call the APIs (the gateway's own origin by default)
 */
@ConfigurationProperties("platform.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:9000") URI authServerUrl,
        @DefaultValue("http://localhost:9000") String authIssuer,
        @DefaultValue({ "/examples/public", "/api/v1/auth/**", "/livez", "/readyz",
                "/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/redoc",
                "/redoc.html", "/webjars/redoc/**" }) List<String> publicPaths,
        List<String> ownedHeaders,
        @DefaultValue("http://localhost:8080") List<String> corsAllowedOrigins) {

    public GatewayProperties {
        ownedHeaders = ownedHeaders != null ? ownedHeaders : Headers.IDENTITY;
    }

    public URI authServer(String path) {
        return URI.create(authServerUrl.toString().replaceAll("/+$", "") + path);
    }
}
