package org.ssoplatform.auth.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;

/** Hands out secrets: at creation and at rotation, the only two answers that carry one. */
@Service
class ApiKeyIssuer {

    private final ApiKeyRepository keys;

    private final KeyLookup lookup;

    private final KeyGrantPolicy policy;

    private final ApiKeyViews views;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final ApiKeyProperties properties;

    private final RateLimitPolicy rateLimits;

    ApiKeyIssuer(ApiKeyRepository keys, KeyLookup lookup, KeyGrantPolicy policy, ApiKeyViews views, AuditLog audit,
            ApplicationEventPublisher events, ApiKeyProperties properties, RateLimitPolicy rateLimits) {
        this.keys = keys;
        this.lookup = lookup;
        this.policy = policy;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.rateLimits = rateLimits;
    }

    @Transactional
    public ApiKeyView create(Actor actor, NewApiKey request) {
        policy.check(actor.userId(), request.roleIdsOrNone(), request.permissionIdsOrNone());
        KeyRateLimit rateLimit = rateLimits.check(actor.userId(), request.rateLimit());
        String secret = ApiKeyFormat.generate();
        ApiKey key = keys.save(ApiKey.issue(actor.userId(), secret, request.name(), request.description(),
                request.expiresAt(), request.roleIdsOrNone(), request.permissionIdsOrNone(), rateLimit));
        audit.record(actor, "api_key.created", "api_key", key.id(), describe(key));
        return views.of(key, secret);
    }

    /**
     * The current secret keeps working for the grace period, never beyond the key's expiry; a secret
     * rotated out earlier stops at once. Gateways drop both from their caches, so the next use of the old
     * secret is exchanged again and gets a token bounded by the grace period (or refused, with no grace).
     *
     * @param graceSeconds the caller's grace, from 0 to the configured one; {@code null} for the configured one
     */
    @Transactional
    public ApiKeyView rotate(Actor actor, long keyId, Long graceSeconds) {
        Duration grace = grace(graceSeconds);
        ApiKey key = lookup.owned(actor, keyId);
        String secret = ApiKeyFormat.generate();
        Instant graceEnds = ApiKey.earliest(Instant.now().plus(grace), key.expiresAt());
        ApiKey rotated = keys.save(key.rotatedTo(secret, graceEnds));
        Map<String, Object> details = describe(rotated);
        details.put("grace_ends_at", rotated.graceEndsAt());
        audit.record(actor, "api_key.rotated", "api_key", keyId, details);
        events.publishEvent(KeysInvalidated.of(key.hashes()));
        return views.of(rotated, secret);
    }

    private Duration grace(Long graceSeconds) {
        Duration most = properties.rotationGrace();
        if (graceSeconds == null) {
            return most;
        }
        if (graceSeconds < 0 || graceSeconds > most.toSeconds()) {
            throw ApiProblem.invalidField("grace_seconds", "must be between 0 and " + most.toSeconds());
        }
        return Duration.ofSeconds(graceSeconds);
    }

    /** What the audit trail keeps about a key: never its secret or hash. */
    static Map<String, Object> describe(ApiKey key) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", key.name());
        details.put("key_prefix", key.keyPrefix());
        details.put("owner_id", key.ownerId());
        details.put("expires_at", key.expiresAt());
        details.put("role_ids", new TreeSet<>(key.roleIds()));
        details.put("permission_ids", new TreeSet<>(key.permissionIds()));
        details.put("rate_limit", key.rateLimit() == null ? null : key.rateLimit().asClaim());
        return details;
    }
}
