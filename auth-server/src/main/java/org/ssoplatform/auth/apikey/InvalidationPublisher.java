package org.ssoplatform.auth.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssoplatform.contract.RedisKeys;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * Tells the gateways which cached key tokens to drop. Only after commit: a rolled-back change must not
 * evict anything, and a gateway re-exchanging the key right away must see the new state. A Redis outage
 * does not undo the change; the cached tokens' short lifetime bounds how long they outlive it.
 */
@Component
class InvalidationPublisher {

    private static final Logger log = LoggerFactory.getLogger(InvalidationPublisher.class);

    private final StringRedisTemplate redis;

    private final JsonMapper json;

    private final String channel;

    InvalidationPublisher(StringRedisTemplate redis, JsonMapper json, RedisNamespace namespace) {
        this.redis = redis;
        this.json = json;
        this.channel = new RedisKeys(namespace.namespace()).invalidations();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void publish(KeysInvalidated invalidation) {
        if (invalidation.isEmpty()) {
            return;
        }
        try {
            redis.convertAndSend(channel, json.writeValueAsString(invalidation.message()));
        }
        catch (RuntimeException ex) {
            log.warn("API-key invalidation not published ({}); cached key tokens end with their short lifetime",
                    ex.getClass().getSimpleName());
        }
    }
}
