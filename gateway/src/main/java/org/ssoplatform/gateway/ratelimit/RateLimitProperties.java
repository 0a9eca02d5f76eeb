package org.ssoplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.ssoplatform.contract.Claims;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits ({@code platform.gateway.rate-limit.*}): a token bucket per API key and per user.
 *
 * @param enabled whether routed requests are limited at all
 * @param apiKey the default bucket of each API key
 * @param user the default bucket of each user (JWT {@code sub})
 * @param apiKeys buckets for particular key ids, overriding {@code api-key}; a key's own limit, set through
 *        auth-server's API and carried by its token's {@code rate_limit} claim, overrides both
 * @param timeout the longest the limiter may delay a request; past it the request passes
 * @param maxBatch the most tokens an instance takes from a shared bucket at once (1: one Redis call per
 *        request); a subject gets that many only if it uses them in a tenth of {@code lease-time}
 * @param leaseTime how long an instance may hand out tokens of a batch before asking Redis again
 */
@ConfigurationProperties("platform.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue Limit apiKey,
        @DefaultValue Limit user, @DefaultValue Map<String, Limit> apiKeys,
        @DefaultValue("500ms") Duration timeout, @DefaultValue("1000") int maxBatch,
        @DefaultValue("1s") Duration leaseTime) {

    /**
     * @param capacity the burst: requests allowed at once with a full bucket
     * @param replenishPerSecond the sustained rate
     */
    record Limit(@DefaultValue("100") int capacity, @DefaultValue("50") double replenishPerSecond) {
    }

    Limit forApiKey(String apiKeyId) {
        return apiKeys.getOrDefault(apiKeyId, apiKey);
    }

    /**
     * The key's own limit from its token's {@code rate_limit} claim (docs/contracts.md), else the configured one.
     * The claim comes with the token cached for the key, so a changed limit arrives with the token exchanged
     * after auth-server's invalidation, and costs no call of its own.
     */
    Limit forApiKey(String apiKeyId, Object rateLimitClaim) {
        if (rateLimitClaim instanceof Map<?, ?> own
                && own.get(Claims.RATE_LIMIT_CAPACITY) instanceof Number capacity && capacity.intValue() > 0
                && own.get(Claims.RATE_LIMIT_REPLENISH_PER_SECOND) instanceof Number rate && rate.doubleValue() > 0) {
            return new Limit(capacity.intValue(), rate.doubleValue());
        }
        return forApiKey(apiKeyId);
    }
}
