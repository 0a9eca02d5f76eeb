package org.ssoplatform.resourceserver;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.resource-server.*}: the one property a service must set is {@code issuer-uri}.
 *
 * @param issuerUri the auth-server's issuer; tokens must carry it and its JWKS verifies them
 * @param audience the audience every accepted token must name
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param publicPaths paths served without a token (health is always public)
 */
@ConfigurationProperties("platform.resource-server")
public record PlatformResourceServerProperties(String issuerUri, @DefaultValue("platform-api") String audience,
        @DefaultValue("30s") Duration clockSkew, @DefaultValue List<String> publicPaths) {
}
