package org.ssoplatform.auth.apikey;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.contract.RedisKeys;

/**
 * Moves the gateways' usage counters ({@link RedisKeys#usage}: {@code last_used_at} in epoch ms and
 * {@code count:YYYY-MM-DD}) to {@code api_keys.last_used_at} and {@code api_key_usage}. A Lua script claims a
 * batch of counters atomically (so two instances never take the same increment); the batch is then added in
 * one transaction that also records its id, so a claim retried after a crash or by another instance is
 * recognised and never counted twice. Each usage shard is claimed on its own, its dirty set, claims and
 * hashes sharing one cluster slot.
 */
@Component
class UsageFlush {

    private static final Logger log = LoggerFactory.getLogger(UsageFlush.class);

    private static final RedisScript<Long> CLAIM = RedisScript.of(new ClassPathResource("scripts/usage_claim.lua"),
            Long.class);

    private final StringRedisTemplate redis;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate tx;

    private final RedisKeys keys;

    private final int batch;

    private final Timer lag;

    UsageFlush(StringRedisTemplate redis, JdbcTemplate jdbc, TransactionTemplate tx, RedisNamespace namespace, ApiKeyProperties properties,
            MeterRegistry meters) {
        this.lag = Timer.builder("platform.apikey.usage.flush.lag")
            .description("How long the oldest usage stamp of a flushed batch waited in Redis before PostgreSQL had it")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(meters);
        this.redis = redis;
        this.jdbc = jdbc;
        this.tx = tx;
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

    /** @return the number of keys whose usage was written */
    int flush() {
        int written = 0;
        for (int shard = 0; shard < RedisKeys.USAGE_SHARDS; shard++) {
            written += flush(shard);
        }
        return written;
    }

    private int flush(int shard) {
        int written = 0;
        // Claims left by a run that failed (here or on another instance) first: they hold older counts.
        Set<String> open = redis.opsForSet().members(keys.usageClaims(shard));
        for (String batchId : open == null ? Set.<String>of() : open) {
            written += apply(shard, batchId);
        }
        long popped;
        do {
            String batchId = UUID.randomUUID().toString();
            Long result = redis.execute(CLAIM,
                    List.of(keys.usageDirty(shard), keys.usageClaim(shard, batchId), keys.usageClaims(shard)),
                    String.valueOf(batch), keys.usagePrefix(shard), batchId);
            popped = result == null ? 0 : result;
            written += apply(shard, batchId);
        }
        while (popped == batch);
        return written;
    }

    /** Adds one claimed batch, unless an earlier run already did, then lets the claim go. */
    private int apply(int shard, String batchId) {
        Map<Object, Object> fields = redis.opsForHash().entries(keys.usageClaim(shard, batchId));
        Counts counts = Counts.of(fields);
        int written = counts.isEmpty() ? 0 : tx.execute(status -> {
            if (jdbc.update("INSERT INTO api_key_usage_batches (batch_id) VALUES (?) ON CONFLICT DO NOTHING",
                    batchId) == 0) {
                return 0;
            }
            return write(counts);
        });
        redis.delete(keys.usageClaim(shard, batchId));
        redis.opsForSet().remove(keys.usageClaims(shard), batchId);
        return written;
    }

    private int write(Counts counts) {
        if (!counts.days.isEmpty()) {
            jdbc.update("""
                    INSERT INTO api_key_usage (key_id, day, requests)
                    SELECT u.id, u.day, sum(u.n) FROM unnest(?, ?, ?) AS u(id, day, n)
                    JOIN api_keys k ON k.id = u.id
                    GROUP BY u.id, u.day
                    ON CONFLICT (key_id, day) DO UPDATE SET requests = api_key_usage.requests + excluded.requests""",
                    statement -> {
                        var connection = statement.getConnection();
                        statement.setArray(1, connection.createArrayOf("bigint", counts.dayIds.toArray()));
                        statement.setArray(2, connection.createArrayOf("date", counts.days.toArray()));
                        statement.setArray(3, connection.createArrayOf("bigint", counts.requests.toArray()));
                    });
        }
        if (counts.stamps.isEmpty()) {
            return 0;
        }
        long oldest = counts.stamps.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        int written = jdbc.update("""
                UPDATE api_keys k
                SET last_used_at = greatest(k.last_used_at, timestamptz 'epoch' + u.ms * interval '1 millisecond')
                FROM unnest(?, ?) AS u(id, ms) WHERE k.id = u.id""", statement -> {
            var connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("bigint", counts.stamps.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", counts.stamps.values().toArray()));
        });
        lag.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest)));
        return written;
    }

    /** A claim hash's fields ({@code id|last_used_at}, {@code id|count:YYYY-MM-DD}) as columns. */
    private record Counts(Map<Long, Long> stamps, List<Long> dayIds, List<Date> days, List<Long> requests) {

        static Counts of(Map<Object, Object> fields) {
            Counts counts = new Counts(new HashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            fields.forEach((name, value) -> {
                String field = String.valueOf(name);
                int bar = field.indexOf('|');
                try {
                    long id = Long.parseLong(field.substring(0, Math.max(bar, 0)));
                    String what = field.substring(bar + 1);
                    long number = Long.parseLong(String.valueOf(value));
                    if (what.equals(RedisKeys.USAGE_LAST_USED_AT)) {
                        counts.stamps.merge(id, number, Math::max);
                    }
                    else if (what.startsWith(RedisKeys.USAGE_COUNT_PREFIX) && number > 0) {
                        String day = what.substring(RedisKeys.USAGE_COUNT_PREFIX.length());
                        counts.days.add(Date.valueOf(LocalDate.parse(day)));
                        counts.dayIds.add(id);
                        counts.requests.add(number);
                    }
                }
                catch (NumberFormatException | DateTimeParseException ex) {
                    // Not written by a gateway we know: nothing to record.
                }
            });
            return counts;
        }

        boolean isEmpty() {
            return stamps.isEmpty() && days.isEmpty();
        }
    }
}
