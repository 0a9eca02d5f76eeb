package org.ssoplatform.auth.apikey;

import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * Changes to existing keys. Each save is checked against the key's version, so of two concurrent changes
 * one wins and the other is answered 409 instead of silently overwriting it.
 */
@Service
class ApiKeyLifecycle {

    private final ApiKeyRepository keys;

    private final KeyLookup lookup;

    private final KeyGrantPolicy policy;

    private final ApiKeyViews views;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final RateLimitPolicy rateLimits;

    ApiKeyLifecycle(ApiKeyRepository keys, KeyLookup lookup, KeyGrantPolicy policy, ApiKeyViews views, AuditLog audit,
            ApplicationEventPublisher events, RateLimitPolicy rateLimits) {
        this.keys = keys;
        this.lookup = lookup;
        this.policy = policy;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.rateLimits = rateLimits;
    }

    /**
     * Admins may deactivate anyone's key, which locks someone else's key: its owner cannot switch back on what an
     * admin switched off, only an admin can. Otherwise only the owner re-activates a key.
     */
    @Transactional
    public ApiKeyView setActive(Actor actor, long keyId, boolean active) {
        ApiKey key = lookup.visible(actor, keyId);
        boolean owner = key.ownerId() == actor.userId();
        if (active && key.lockedByAdmin() && !actor.admin()) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "key_locked",
                    "An admin deactivated this key; only an admin can re-activate it.");
        }
        if (active && !owner && !key.lockedByAdmin()) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No API key with id " + keyId + ".");
        }
        // The owner switching off a locked key again must not unlock it.
        boolean locked = !active && (!owner || key.lockedByAdmin());
        if (key.active() == active && key.lockedByAdmin() == locked) {
            return views.of(key, null);
        }
        ApiKey saved = keys.save(key.withActive(active, locked));
        changed(actor, active ? "api_key.activated" : "api_key.deactivated", saved);
        return views.of(saved, null);
    }

    @Transactional
    public void delete(Actor actor, long keyId) {
        ApiKey key = lookup.visible(actor, keyId);
        keys.delete(key);
        changed(actor, "api_key.deleted", key);
    }

    @Transactional
    public ApiKeyView update(Actor actor, long keyId, ApiKeyPatch patch) {
        ApiKey key = lookup.owned(actor, keyId);
        ApiKey next = key.withDetails(given(patch.name(), key.name()),
                given(patch.description(), key.description()),
                given(patch.expiresAt(), key.expiresAt()));
        if (patch.changesGrants()) {
            Set<Long> roleIds = given(patch.roleIds(), key.roleIds());
            Set<Long> permissionIds = given(patch.permissionIds(), key.permissionIds());
            policy.check(key.ownerId(), roleIds, permissionIds);
            next = next.withGrants(roleIds, permissionIds);
        }
        if (patch.rateLimit() != null) {
            next = next.withRateLimit(rateLimits.check(key.ownerId(), patch.rateLimit().limit()));
        }
        ApiKey saved = keys.save(next);
        audit.record(actor, "api_key.updated", "api_key", keyId, ApiKeyIssuer.describe(saved));
        // A new name changes nothing a gateway caches; a new expiry, new grants or a new limit change the token it
        // holds, whose rate_limit claim is the gateways' only source of a key's own limit.
        if (!Objects.equals(key.expiresAt(), saved.expiresAt()) || !key.roleIds().equals(saved.roleIds())
                || !key.permissionIds().equals(saved.permissionIds())
                || !Objects.equals(key.rateLimit(), saved.rateLimit())) {
            events.publishEvent(KeysInvalidated.of(saved.hashes()));
        }
        return views.of(saved, null);
    }

    /** The patch's value when it has one: a field left out keeps the key's (which may itself be unset). */
    private static <T> T given(T patched, T current) {
        return patched != null ? patched : current;
    }

    private void changed(Actor actor, String action, ApiKey key) {
        audit.record(actor, action, "api_key", key.id(), ApiKeyIssuer.describe(key));
        events.publishEvent(KeysInvalidated.of(key.hashes()));
    }
}
