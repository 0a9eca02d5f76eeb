package org.ssoplatform.auth.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.client-registry.*}: the bounds within which administrators register clients through the API.
 * A client registered without lifetimes gets {@code platform.auth.access-token-ttl} and
 * {@code platform.auth.refresh-token-ttl}.
 *
 * @param minAccessTokenTtl the shortest access-token lifetime a client may be given
 * @param maxAccessTokenTtl the longest access-token lifetime a client may be given
 * @param minRefreshTokenTtl the shortest refresh-token lifetime a client may be given
 * @param maxRefreshTokenTtl the longest refresh-token lifetime a client may be given
 * @param rotationGrace how long a rotated-out client secret keeps working at most (also the default)
 * @param subscriptionCheckInterval how often an instance not subscribed to the client invalidations tries again
 */
@ConfigurationProperties("platform.client-registry")
record ClientRegistryProperties(@DefaultValue("1m") Duration minAccessTokenTtl,
        @DefaultValue("1h") Duration maxAccessTokenTtl, @DefaultValue("5m") Duration minRefreshTokenTtl,
        @DefaultValue("30d") Duration maxRefreshTokenTtl, @DefaultValue("24h") Duration rotationGrace,
        @DefaultValue("1s") Duration subscriptionCheckInterval) {
}
