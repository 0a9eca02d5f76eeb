package org.ssoplatform.gateway.bearer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer-token validation at the edge ({@code platform.gateway.jwt.*}); the issuer and the JWKS
 * address come from {@code platform.gateway.auth-issuer} and {@code auth-server-url}.
 *
 * @param audience the audience every accepted token must name
 * @param jwksTimeout the longest a JWKS download may take
 * @param jwksMaxAge how long a downloaded key set is used before it is fetched again
 * @param jwksRefreshCooldown the least time between two downloads caused by an unknown {@code kid},
 * so forged tokens cannot turn the gateway into a flood against auth-server
 * @param verifiedTokens how many verified tokens are remembered (each until its expiry), so a client
 * reusing its token is not re-verified on every request; 0 turns this off
 */
@ConfigurationProperties("platform.gateway.jwt")
record JwtProperties(@DefaultValue("platform-api") String audience, @DefaultValue("1500ms") Duration jwksTimeout,
        @DefaultValue("10m") Duration jwksMaxAge, @DefaultValue("5s") Duration jwksRefreshCooldown,
        @DefaultValue("10000") int verifiedTokens) {
}
