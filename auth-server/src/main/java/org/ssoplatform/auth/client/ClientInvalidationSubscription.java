package org.ssoplatform.auth.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps this instance subscribed to the client invalidations. The listener container refuses to start while Redis
 * is away or slow, and an instance must start then all the same (it serves clients from PostgreSQL): so the
 * container is started here, and started again whenever it is not listening. Announcements missed meanwhile are
 * made up for by dropping the whole cache once subscribed.
 */
class ClientInvalidationSubscription {

    private static final Logger log = LoggerFactory.getLogger(ClientInvalidationSubscription.class);

    private final RedisMessageListenerContainer container;

    private final CachingRegisteredClientRepository cache;

    private volatile boolean failing;

    ClientInvalidationSubscription(RedisMessageListenerContainer container, CachingRegisteredClientRepository cache) {
        this.container = container;
        this.cache = cache;
    }

    @Scheduled(fixedDelayString = "${platform.client-registry.subscription-check-interval:1s}")
    void keepSubscribed() {
        if (container.isListening()) {
            return;
        }
        try {
            container.stop(); // forgets a failed attempt, so that start() tries again
            container.start();
            cache.evictAll();
            if (failing) {
                log.info("Subscribed to the client invalidations again");
            }
            failing = false;
        }
        catch (RuntimeException ex) {
            if (!failing) {
                log.warn("Not subscribed to the client invalidations yet ({}); cached clients expire after 30 s "
                        + "meanwhile", ex.getClass().getSimpleName());
            }
            failing = true;
        }
    }
}
