package org.ssoplatform.auth.apikey;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.shared.ChannelMessage;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.contract.RedisKeys;

/**
 * Tells the gateways which cached key tokens to drop, even when Redis is away at the moment of the change: each
 * invalidation is written to {@code invalidation_outbox} in the transaction of the change (a rolled-back change
 * evicts nothing), published on {@code {ns}:apikey:invalidations} once it commits (a gateway re-exchanging the key
 * right away sees the new state), and deleted when Redis has taken it. What Redis refused is published by the
 * relay that every instance runs; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances share the
 * work and never publish one row at the same time. Other features' {@link ChannelMessage}s (the registered-client
 * cache's) travel the same way, each on its own channel.
 */
@Component
class InvalidationOutbox {

    private static final Logger log = LoggerFactory.getLogger(InvalidationOutbox.class);

    private static final int BATCH = 100;

    private final StringRedisTemplate redis;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final String channel;

    private final TransactionTemplate ownTransaction;

    private volatile boolean failing;

    InvalidationOutbox(StringRedisTemplate redis, JdbcClient jdbc, JsonMapper json, RedisNamespace namespace,
            PlatformTransactionManager transactions) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.json = json;
        this.channel = new RedisKeys(namespace.namespace()).invalidations();
        this.ownTransaction = new TransactionTemplate(transactions);
        // After commit the finished transaction's connection is still bound: the relay needs one of its own.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** In the transaction that raised it: the row commits or rolls back with the change. */
    @EventListener
    void record(KeysInvalidated invalidation) {
        if (invalidation.isEmpty()) {
            return;
        }
        insert(channel, invalidation.message(System.currentTimeMillis()));
    }

    /** In the transaction that raised it, like a key invalidation. */
    @EventListener
    void record(ChannelMessage message) {
        insert(message.channel(), message.message());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(KeysInvalidated invalidation) {
        if (!invalidation.isEmpty()) {
            relay();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(ChannelMessage message) {
        relay();
    }

    private void insert(String channel, Object message) {
        jdbc.sql("INSERT INTO invalidation_outbox (channel, message) VALUES (?, ?)")
            .param(channel)
            .param(json.writeValueAsString(message))
            .update();
    }

    @Scheduled(fixedDelayString = "${platform.api-keys.invalidation-relay-interval:250ms}",
            initialDelayString = "${platform.api-keys.invalidation-relay-interval:250ms}")
    void scheduled() {
        relay();
    }

    /** Publishes what is pending, oldest first, until nothing is left or Redis refuses; never throws. */
    int relay() {
        int published = 0;
        try {
            int batch;
            do {
                batch = ownTransaction.execute(status -> publishBatch());
                published += batch;
            }
            while (batch == BATCH);
        }
        catch (RuntimeException ex) { // the database is away: the rows wait there for the next run
            log.debug("API-key invalidation relay skipped ({})", ex.getClass().getSimpleName());
        }
        return published;
    }

    private int publishBatch() {
        record Pending(long id, String channel, String message) {
        }
        List<Pending> pending = jdbc
            .sql("SELECT id, channel, message FROM invalidation_outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
            .param(BATCH)
            .query((row, n) -> new Pending(row.getLong("id"), row.getString("channel"), row.getString("message")))
            .list();
        List<Long> published = new ArrayList<>();
        try {
            for (Pending invalidation : pending) {
                redis.convertAndSend(invalidation.channel(), invalidation.message());
                published.add(invalidation.id());
            }
        }
        catch (RuntimeException ex) {
            if (!failing) {
                log.warn("API-key invalidations not published yet ({}); retried until Redis takes them",
                        ex.getClass().getSimpleName());
            }
            failing = true;
            return 0;
        }
        finally {
            if (!published.isEmpty()) {
                jdbc.sql("DELETE FROM invalidation_outbox WHERE id IN (:ids)").param("ids", published).update();
            }
        }
        if (failing && !pending.isEmpty()) {
            failing = false;
            log.info("API-key invalidations kept while Redis was away are published");
        }
        return published.size();
    }
}
