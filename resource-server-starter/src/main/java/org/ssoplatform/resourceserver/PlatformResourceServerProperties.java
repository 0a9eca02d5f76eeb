package org.ssoplatform.resourceserver;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * {@code platform.resource-server.*}: the one property a service must set is {@code issuer-uri}.
 *
 * @param issuerUri the auth-server's public issuer; every accepted token must carry exactly this {@code iss}
 * @param jwkSetUri where this service fetches the signing keys; defaults to {@code <issuer-uri>/oauth2/jwks}.
 * Separate from the issuer because inside a container network the public issuer URL may not be reachable.
 * @param audience the audience every accepted token must name
 * @param clockSkew tolerance on {@code exp}/{@code nbf}
 * @param publicPaths paths served without a token (health and info are always public)
 * @param jwksTimeout connect and read timeout of a JWKS fetch. Longer than Nimbus's 500 ms default: a busy
 * auth-server answering in 600 ms should not turn every request of the next 30 s into a 503 (the key source
 * refuses to refetch sooner after a failure); short enough that the fetch and its one retry keep a request on a
 * hung auth-server under 2 s.
 * @param verifiedTokens how many verified tokens are remembered, each by its exact text until its {@code exp}, so a
 * caller reusing its token is not parsed and verified again on every request; 0 turns this off
 */
@ConfigurationProperties("platform.resource-server")
public record PlatformResourceServerProperties(String issuerUri, String jwkSetUri,
        @DefaultValue("platform-api") String audience, @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> publicPaths, @DefaultValue("800ms") Duration jwksTimeout,
        @DefaultValue("10000") int verifiedTokens) {

    /** The JWKS address actually used: the configured one, or the auth-server's standard path under the issuer. */
    public String effectiveJwkSetUri() {
        if (StringUtils.hasText(jwkSetUri)) {
            return jwkSetUri;
        }
        String issuer = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        return issuer + "/oauth2/jwks";
    }
}
