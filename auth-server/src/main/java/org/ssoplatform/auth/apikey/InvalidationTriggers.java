package org.ssoplatform.auth.apikey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.role.RoleGrantsChanged;
import org.ssoplatform.auth.user.UserAccessChanged;

/** Turns changes to users and roles into the key invalidations they imply, inside the same transaction. */
@Component
class InvalidationTriggers {

    private final ApiKeyRepository keys;

    private final ApplicationEventPublisher events;

    InvalidationTriggers(ApiKeyRepository keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @EventListener
    void userChanged(UserAccessChanged change) {
        events.publishEvent(KeysInvalidated.of(
                keys.findByUserIdOrderById(change.userId()).stream().flatMap(key -> key.hashes().stream()).toList()));
    }

    /** A role reaches keys directly and through other roles' holders: gateways are told in bulk (docs/contracts.md). */
    @EventListener
    void rolesChanged(RoleGrantsChanged change) {
        events.publishEvent(KeysInvalidated.everything());
    }
}
