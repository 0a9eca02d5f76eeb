package org.ssoplatform.auth.apikey;

import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;

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

    ApiKeyLifecycle(ApiKeyRepository keys, KeyLookup lookup, KeyGrantPolicy policy, ApiKeyViews views, AuditLog audit,
            ApplicationEventPublisher events) {
        this.keys = keys;
        this.lookup = lookup;
        this.policy = policy;
        this.views = views;
        this.audit = audit;
        this.events = events;
    }

    /** Admins may deactivate anyone's key; only the owner re-activates it. */
    @Transactional
    public ApiKeyView setActive(Actor actor, long keyId, boolean active) {
        ApiKey key = active ? lookup.owned(actor, keyId) : lookup.visible(actor, keyId);
        if (key.active() == active) {
            return views.of(key, null);
        }
        ApiKey saved = keys.save(key.withActive(active));
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
        ApiKey saved = keys.save(next);
        audit.record(actor, "api_key.updated", "api_key", keyId, ApiKeyIssuer.describe(saved));
        // A new name changes nothing a gateway caches; a new expiry or new grants change the token it holds.
        if (!Objects.equals(key.expiresAt(), saved.expiresAt()) || !key.roleIds().equals(saved.roleIds())
                || !key.permissionIds().equals(saved.permissionIds())) {
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
