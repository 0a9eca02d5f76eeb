package org.ssoplatform.auth.apikey;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * Finds a key for a caller. Someone else's key is answered 404, exactly like a missing one, so ids cannot be
 * probed. Admins may see and revoke any key, but only its owner changes or rotates it (a rotation hands out
 * the new secret).
 */
@Component
class KeyLookup {

    private final ApiKeyRepository keys;

    KeyLookup(ApiKeyRepository keys) {
        this.keys = keys;
    }

    ApiKey owned(Actor actor, long keyId) {
        return find(actor, keyId, false);
    }

    ApiKey visible(Actor actor, long keyId) {
        return find(actor, keyId, true);
    }

    private ApiKey find(Actor actor, long keyId, boolean adminMay) {
        return keys.findById(keyId)
            .filter(key -> key.ownerId() == actor.userId() || adminMay && actor.admin())
            .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "not_found", "No API key with id " + keyId + "."));
    }
}
