package org.ssoplatform.gateway.apikey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys at the edge ({@code platform.gateway.api-key.*}).
 *
 * @param clientId the gateway's OAuth client at auth-server, used for the token exchange
 * @param clientSecret its secret ({@code GATEWAY_CLIENT_SECRET})
 * @param exchangeTimeout the longest a token exchange may take before the request gets a 503
 * @param localTtl how long an instance trusts its in-process copy without looking at Redis again;
 * bounds staleness should an invalidation message be lost
 * @param localMaxEntries size of the in-process cache
 * @param expiryMargin a cached token is dropped this long before its {@code exp}
 * @param unknownTtl how long a key auth-server refused is answered 401 without asking again
 * @param redisTimeout the longest any Redis command may delay a request
 * @param maxFailedAttempts distinct refused keys per client address and window before 429
 * @param failedAttemptsWindow the window of that count
 * @param usageFlushInterval how often usage counters are written to Redis in one batch
 * @param usageCounterTtl how long a key's usage hash in Redis outlives its last write, should no auth-server
 * claim it
 */
@ConfigurationProperties("platform.gateway.api-key")
record ApiKeyProperties(@DefaultValue("gateway") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue("1200ms") Duration exchangeTimeout, @DefaultValue("10s") Duration localTtl,
        @DefaultValue("10000") int localMaxEntries, @DefaultValue("30s") Duration expiryMargin,
        @DefaultValue("30s") Duration unknownTtl, @DefaultValue("500ms") Duration redisTimeout,
        @DefaultValue("10") int maxFailedAttempts, @DefaultValue("1m") Duration failedAttemptsWindow,
        @DefaultValue("1s") Duration usageFlushInterval, @DefaultValue("7d") Duration usageCounterTtl) {
}
