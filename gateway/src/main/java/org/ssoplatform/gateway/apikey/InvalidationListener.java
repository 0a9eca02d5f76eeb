package org.ssoplatform.gateway.apikey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.lettuce.core.event.EventBus;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ssoplatform.contract.RedisKeys;

/**
 * Revocation: auth-server publishes {@code {"hashes":[...]}} or {@code {"all":true}} on
 * {@code {ns}:apikey:invalidations}; every gateway instance drops those keys from its own cache at
 * once and from Redis (idempotent, so all instances may do it), and from its own cache again when its
 * deletion in Redis has landed: a lookup begun in between can still find the token in Redis and copy it
 * back into the cache, where it would outlive the revocation by the local TTL. The subscription
 * survives Redis outages: it is retried with back-off. Messages sent while a gateway was cut off from
 * Redis are lost to it, so each time one of its Redis connections comes back after being lost, it drops
 * every cached key token, its own and those in Redis (which no gateway may have heard to delete).
 */
final class InvalidationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InvalidationListener.class);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final ReactiveRedisConnectionFactory connections;

    private final RedisKeys keys;

    private final LocalTokenCache local;

    private final ApiKeyRedis redis;

    private final JsonMapper json;

    private final AtomicBoolean subscribed = new AtomicBoolean();

    private final EventBus connectionEvents;

    private final AtomicInteger lostConnections = new AtomicInteger();

    private volatile Disposable subscription;

    private volatile Disposable reconnections;

    private final ApiKeyMeters meters;

    InvalidationListener(ReactiveRedisConnectionFactory connections, EventBus connectionEvents, RedisKeys keys,
            LocalTokenCache local, ApiKeyRedis redis, JsonMapper json, ApiKeyMeters meters) {
        this.meters = meters;
        this.connections = connections;
        this.connectionEvents = connectionEvents;
        this.keys = keys;
        this.local = local;
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void start() {
        reconnections = connectionEvents.get().subscribe(event -> {
            if (event instanceof ConnectionDeactivatedEvent) {
                lostConnections.incrementAndGet();
            }
            else if (event instanceof ConnectionActivatedEvent
                    && lostConnections.getAndUpdate(lost -> Math.max(0, lost - 1)) > 0) {
                log.info("Reconnected to Redis: dropping cached API-key tokens, invalidations may have been missed");
                dropAll();
            }
        });
        ChannelTopic topic = ChannelTopic.of(keys.invalidations());
        subscription = Flux.usingWhen(Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(connections)),
                    container -> container.receiveLater(topic).doOnNext(ready -> subscribed.set(true)).flatMapMany(f -> f),
                    ReactiveRedisMessageListenerContainer::destroyLater)
            .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                .maxBackoff(Duration.ofMillis(500))
                .doBeforeRetry(signal -> {
                    if (subscribed.getAndSet(false)) {
                        local.invalidateAll(); // messages may have been missed while it was down
                    }
                    log.debug("Invalidation subscription unavailable, retrying: {}",
                            signal.failure().getClass().getSimpleName());
                }))
            .subscribe(message -> apply(message.getMessage()));
    }

    void apply(String message) {
        JsonNode body;
        try {
            body = json.readTree(message);
        }
        catch (RuntimeException ex) {
            log.warn("Ignoring an unreadable API-key invalidation message");
            return;
        }
        if (body.path(RedisKeys.INVALIDATE_ALL).asBoolean(false)) {
            dropAll();
            lag(body);
            return;
        }
        List<String> hashes = new ArrayList<>();
        body.path(RedisKeys.INVALIDATE_HASHES).forEach(node -> {
            String hash = node.asString("");
            if (HASH.matcher(hash).matches()) {
                hashes.add(hash);
            }
        });
        if (!hashes.isEmpty()) {
            local.invalidate(hashes);
            lag(body);
            redis.delete(hashes).doFinally(signal -> local.invalidate(hashes)).subscribe(done -> {
            }, ex -> log.debug("Invalidation in Redis failed: {}", ex.getClass().getSimpleName()));
        }
    }

    /** {@code published_at} (epoch ms) is optional: a message without it is applied all the same. */
    private void lag(JsonNode body) {
        JsonNode publishedAt = body.path(RedisKeys.INVALIDATE_PUBLISHED_AT);
        if (publishedAt.isIntegralNumber()) {
            meters.revoked(publishedAt.asLong(), System.currentTimeMillis());
        }
    }

    private void dropAll() {
        local.invalidateAll();
        redis.deleteAll().doFinally(signal -> local.invalidateAll()).subscribe(done -> {
        }, ex -> log.debug("Bulk invalidation in Redis failed: {}", ex.getClass().getSimpleName()));
    }

    @Override
    public void stop() {
        Disposable events = reconnections;
        reconnections = null;
        if (events != null) {
            events.dispose();
        }
        Disposable running = subscription;
        subscription = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
