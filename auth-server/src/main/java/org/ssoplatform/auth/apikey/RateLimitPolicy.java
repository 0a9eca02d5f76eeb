package org.ssoplatform.auth.apikey;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.user.UserGrants;

/**
 * A key's own rate limit may not exceed the platform's maximum for its owner's roles (read from the database, as
 * {@link KeyGrantPolicy} reads grants): of each field, the highest that any of those roles allows. An admin owner may
 * set any. Above the maximum is a 422 naming the field.
 */
@Component
class RateLimitPolicy {

    static final String ABOVE_MAXIMUM = "rate_limit_above_maximum";

    private final UserGrants grants;

    private final ApiKeyProperties properties;

    RateLimitPolicy(UserGrants grants, ApiKeyProperties properties) {
        this.grants = grants;
        this.properties = properties;
    }

    /** @return {@code wanted}, checked; {@code null} (the gateways' configured limit) is always allowed */
    KeyRateLimit check(long ownerId, KeyRateLimit wanted) {
        if (wanted == null) {
            return null;
        }
        wanted.checked();
        List<String> roles = grants.load(ownerId).map(UserGrants.Grants::roles).orElse(List.of());
        if (roles.contains(Actor.ADMIN_ROLE)) {
            return wanted;
        }
        List<KeyRateLimit> allowed = roles.stream().map(properties.rateLimitMaximum()::get)
            .filter(most -> most != null && most.capacity() != null && most.replenishPerSecond() != null)
            .toList();
        if (allowed.isEmpty()) {
            throw ApiProblem.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, ABOVE_MAXIMUM, "rate_limit",
                    "may not be set by a holder of your roles");
        }
        int capacity = allowed.stream().mapToInt(KeyRateLimit::capacity).max().orElseThrow();
        double rate = allowed.stream().mapToDouble(KeyRateLimit::replenishPerSecond).max().orElseThrow();
        if (wanted.capacity() > capacity) {
            throw ApiProblem.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, ABOVE_MAXIMUM, "rate_limit.capacity",
                    "must be at most " + capacity + " for your roles");
        }
        if (wanted.replenishPerSecond() > rate) {
            throw ApiProblem.fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, ABOVE_MAXIMUM,
                    "rate_limit.replenish_per_second", "must be at most " + rate + " for your roles");
        }
        return wanted;
    }
}
