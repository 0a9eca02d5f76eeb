package org.ssoplatform.auth.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.ssoplatform.auth.shared.ChannelMessage;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * Drops this instance's cached clients when a client change commits: at once for a change made here, and when any
 * instance announces one on {@code {ns}:client:invalidations} (ClientRegistry, through the invalidation outbox),
 * so that every instance sees a registration, change, rotation or deletion within a second rather than at the
 * cache's expiry.
 */
class ClientCacheEviction implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ClientCacheEviction.class);

    private final CachingRegisteredClientRepository cache;

    private final String channel;

    ClientCacheEviction(CachingRegisteredClientRepository cache, RedisNamespace namespace) {
        this.cache = cache;
        this.channel = channel(namespace);
    }

    static String channel(RedisNamespace namespace) {
        return namespace.key("client:invalidations");
    }

    String channel() {
        return channel;
    }

    /** The answer to the change's request comes after this: its caller's next request sees the change here. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void changedHere(ChannelMessage message) {
        if (channel.equals(message.channel())) {
            cache.evictAll();
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        // Clients change rarely: dropping them all costs a few lookups and needs no parsing.
        cache.evictAll();
        log.debug("Cached clients dropped: a client changed on some instance");
    }
}
