package org.ssoplatform.auth.apikey;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.api-keys.*}.
 *
 * @param rotationGrace how long a rotated-out secret keeps working (never beyond the key's own expiry)
 * @param usageFlushInterval pause between two flushes of the gateways' usage counters to {@code last_used_at}
 * @param usageFlushBatch key ids popped from Redis and written per statement
 * @param invalidationRelayInterval pause between two runs of the relay that publishes invalidations Redis refused
 * @param rateLimitMaximum by role name, the highest {@code rate_limit} a key's owner holding that role may set
 *        (an owner with several such roles gets the highest of each field); an owner with none of these roles sets
 *        none, an admin any
 */
@ConfigurationProperties("platform.api-keys")
record ApiKeyProperties(@DefaultValue("24h") Duration rotationGrace, @DefaultValue("30s") Duration usageFlushInterval,
        @DefaultValue("500") int usageFlushBatch, @DefaultValue("250ms") Duration invalidationRelayInterval,
        @DefaultValue Map<String, KeyRateLimit> rateLimitMaximum) {
}
