package org.ssoplatform.auth.apikey;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.contract.Claims;

/**
 * A key's own token bucket at the gateways, replacing their configured one: {@code capacity} requests at once,
 * refilled at {@code replenish_per_second}. Boxed, so that a body leaving a field out is told which one.
 */
public record KeyRateLimit(Integer capacity, Double replenishPerSecond) {

    /** Far beyond any real key; keeps the gateways' bucket arithmetic (and its Redis expiry) finite. */
    static final int MOST_CAPACITY = 1_000_000_000;

    /** One request in a thousand seconds: below it a bucket would live in Redis for ages. */
    static final double LEAST_RATE = 0.001;

    static final double MOST_RATE = 1_000_000_000;

    /** Bad values are a 400 naming the field, as the other validation failures are. */
    KeyRateLimit checked() {
        if (capacity == null) {
            throw ApiProblem.invalidField("rate_limit.capacity", "must not be null");
        }
        if (capacity < 1 || capacity > MOST_CAPACITY) {
            throw ApiProblem.invalidField("rate_limit.capacity", "must be between 1 and " + MOST_CAPACITY);
        }
        if (replenishPerSecond == null) {
            throw ApiProblem.invalidField("rate_limit.replenish_per_second", "must not be null");
        }
        if (!(replenishPerSecond >= LEAST_RATE && replenishPerSecond <= MOST_RATE)) {
            throw ApiProblem.invalidField("rate_limit.replenish_per_second",
                    "must be between " + LEAST_RATE + " and " + (long) MOST_RATE);
        }
        return this;
    }

    /** As the audit trail and the token's {@code rate_limit} claim (docs/contracts.md) carry it. */
    public Map<String, Object> asClaim() {
        Map<String, Object> claim = new LinkedHashMap<>(); // the claim set's JSON allows ordinary maps
        claim.put(Claims.RATE_LIMIT_CAPACITY, capacity);
        claim.put(Claims.RATE_LIMIT_REPLENISH_PER_SECOND, replenishPerSecond);
        return claim;
    }
}
