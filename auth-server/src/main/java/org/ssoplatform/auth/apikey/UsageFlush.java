package org.ssoplatform.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.contract.RedisKeys;

/**
 * Moves the gateways' usage stamps ({@link RedisKeys#usage} field {@code last_used_at}, epoch ms) to
 * {@code api_keys.last_used_at}: the ids to visit are popped from each shard's dirty set, their stamps read in
 * one pipeline, and each batch written by one statement, so a busy key costs no database write per request.
 */
@Component
class UsageFlush {

    private static final Logger log = LoggerFactory.getLogger(UsageFlush.class);

    private final StringRedisTemplate redis;

    private final JdbcTemplate jdbc;

    private final RedisKeys keys;

    private final int batch;

    private final Timer lag;

    UsageFlush(StringRedisTemplate redis, JdbcTemplate jdbc, RedisNamespace namespace, ApiKeyProperties properties,
            MeterRegistry meters) {
        this.lag = Timer.builder("platform.apikey.usage.flush.lag")
            .description("How long the oldest usage stamp of a flushed batch waited in Redis before PostgreSQL had it")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(meters);
        this.redis = redis;
        this.jdbc = jdbc;
        this.keys = new RedisKeys(namespace.namespace());
        this.batch = properties.usageFlushBatch();
    }

    @Scheduled(fixedDelayString = "${platform.api-keys.usage-flush-interval:30s}",
            initialDelayString = "${platform.api-keys.usage-flush-interval:30s}")
    void scheduled() {
        try {
            flush();
        }
        catch (RuntimeException ex) {
            log.warn("API-key usage not flushed this time ({})", ex.getClass().getSimpleName());
        }
    }

    /** @return the number of keys whose {@code last_used_at} was written */
    int flush() {
        int written = 0;
        for (int shard = 0; shard < RedisKeys.USAGE_SHARDS; shard++) {
            written += flush(keys.usageDirty(shard));
        }
        return written;
    }

    private int flush(String dirty) {
        int written = 0;
        List<String> ids;
        do {
            ids = redis.opsForSet().pop(dirty, batch);
            if (ids == null || ids.isEmpty()) {
                break;
            }
            try {
                written += write(ids);
            }
            catch (RuntimeException ex) {
                // Put them back: the next run retries them.
                redis.opsForSet().add(dirty, ids.toArray(String[]::new));
                throw ex;
            }
        }
        while (ids.size() == batch);
        return written;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private int write(List<String> ids) {
        byte[] field = bytes(RedisKeys.USAGE_LAST_USED_AT);
        List<Object> stamps = redis.executePipelined((RedisCallback<Object>) connection -> {
            ids.forEach(id -> connection.hashCommands().hGet(bytes(keys.usage(id)), field));
            return null;
        });
        List<Long> keyIds = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                long id = Long.parseLong(ids.get(i));
                long at = Long.parseLong(String.valueOf(stamps.get(i)));
                keyIds.add(id);
                millis.add(at);
            }
            catch (NumberFormatException ex) {
                // Not written by a gateway we know (or the stamp expired): nothing to record.
            }
        }
        if (keyIds.isEmpty()) {
            return 0;
        }
        long oldest = millis.stream().mapToLong(Long::longValue).min().orElseThrow();
        int written = jdbc.update("""
                UPDATE api_keys k
                SET last_used_at = greatest(k.last_used_at, timestamptz 'epoch' + u.ms * interval '1 millisecond')
                FROM unnest(?, ?) AS u(id, ms) WHERE k.id = u.id""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", keyIds.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", millis.toArray()));
        });
        lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest)));
        return written;
    }
}
