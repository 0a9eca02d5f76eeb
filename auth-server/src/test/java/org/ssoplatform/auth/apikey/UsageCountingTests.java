package org.ssoplatform.auth.apikey;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.contract.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateways' per-day counters (written by the gateway's own script) reach {@code api_key_usage} exactly once,
 * whatever the number of auth-server instances flushing at the same moment; counters nobody claims expire, and
 * days older than 90 are dropped. Real Redis and PostgreSQL.
 */
class UsageCountingTests extends ManagementApiFlow {

    /** The gateways' own batch write, so that what is flushed here is what gateways write. */
    private static final RedisScript<Long> GATEWAY_WRITE = RedisScript.of(
            new FileSystemResource("../gateway/src/main/resources/scripts/usage_flush.lua"), Long.class);

    /** The gateways' default {@code platform.gateway.api-key.usage-counter-ttl}. */
    private static final Duration COUNTER_TTL = Duration.ofDays(7);

    @Autowired
    JdbcTemplate jdbcTemplate;

    private RedisKeys redisKeys() {
        return new RedisKeys(namespace.namespace());
    }

    @Autowired
    TransactionTemplate tx;

    @Autowired
    UsageHistory history;

    @Test
    void twoInstancesFlushingWhileGatewaysCountAddEveryRequestExactlyOnce() throws Exception {
        String token = tokenFor(newUser("user"));
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add(createKey(token, Map.of("name", "k" + i)).path("id").asLong());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        ApiKeyProperties smallBatches = new ApiKeyProperties(Duration.ofHours(24), Duration.ofSeconds(30), 3,
                Duration.ofMillis(250), Map.of());
        UsageFlush one = new UsageFlush(redis, jdbcTemplate, tx, namespace, smallBatches, new SimpleMeterRegistry());
        UsageFlush other = new UsageFlush(redis, jdbcTemplate, tx, namespace, smallBatches, new SimpleMeterRegistry());
        Map<String, Long> sent = new HashMap<>();
        AtomicBoolean counting = new AtomicBoolean(true);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> flushWhile(one, counting));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> flushWhile(other, counting));
        for (int i = 0; i < 1500; i++) {
            long key = keys.get(ThreadLocalRandom.current().nextInt(keys.size()));
            String day = i % 5 == 0 ? yesterday : today;
            long requests = 1 + ThreadLocalRandom.current().nextInt(3);
            gatewayCounts(key, day, requests);
            sent.merge(key + "/" + day, requests, Long::sum);
        }
        counting.set(false);
        first.get();
        second.get();
        one.flush();

        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("SELECT key_id, day, requests FROM api_key_usage WHERE key_id = ANY(?)")
            .param(keys.toArray(Long[]::new))
            .query((row, n) -> stored.put(row.getLong("key_id") + "/" + row.getObject("day", LocalDate.class),
                    row.getLong("requests")))
            .list();
        assertThat(stored).isEqualTo(sent);
        for (long key : keys) {
            assertThat(redis.hasKey(redisKeys().usage(String.valueOf(key)))).isFalse();
        }
        assertThat(http.get("/api/v1/api-keys/" + keys.get(0) + "/usage?days=2", token).json().path("days").get(1)
            .path("requests").asLong()).isEqualTo(sent.getOrDefault(keys.get(0) + "/" + today, 0L));
    }

    @Test
    void aClaimRetriedAfterItsCountsWereAddedIsNotAddedAgain() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("id").asLong();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // One instance added batch "applied" and stopped before letting its claim go; "open" was never added.
        claim("applied-" + key, key, today, 5);
        jdbc.sql("INSERT INTO api_key_usage_batches (batch_id) VALUES (?)").param("applied-" + key).update();
        claim("open-" + key, key, today, 2);

        new UsageFlush(redis, jdbcTemplate, tx, namespace, new ApiKeyProperties(Duration.ofHours(24),
                Duration.ofSeconds(30), 500, Duration.ofMillis(250), Map.of()), new SimpleMeterRegistry()).flush();

        assertThat(requests(key, today)).isEqualTo(2);
        int shard = RedisKeys.usageShard(String.valueOf(key));
        assertThat(redis.hasKey(redisKeys().usageClaim(shard, "applied-" + key))).isFalse();
        assertThat(redis.hasKey(redisKeys().usageClaim(shard, "open-" + key))).isFalse();
        assertThat(redis.opsForSet().isMember(redisKeys().usageClaims(shard), "applied-" + key)).isFalse();
    }

    @Test
    void countsOfADeletedKeyAreDroppedAndItsDaysGoWithIt() {
        String token = tokenFor(newUser("user"));
        long key = createKey(token, Map.of("name", "k")).path("id").asLong();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        gatewayCounts(key, today, 4);
        new UsageFlush(redis, jdbcTemplate, tx, namespace, new ApiKeyProperties(Duration.ofHours(24),
                Duration.ofSeconds(30), 500, Duration.ofMillis(250), Map.of()), new SimpleMeterRegistry()).flush();
        assertThat(requests(key, today)).isEqualTo(4);

        assertThat(http.delete("/api/v1/api-keys/" + key, token).status()).isEqualTo(204);
        gatewayCounts(key, today, 1);
        new UsageFlush(redis, jdbcTemplate, tx, namespace, new ApiKeyProperties(Duration.ofHours(24),
                Duration.ofSeconds(30), 500, Duration.ofMillis(250), Map.of()), new SimpleMeterRegistry()).flush();

        assertThat(jdbc.sql("SELECT count(*) FROM api_key_usage WHERE key_id = ?").param(key).query(Long.class)
            .single()).isZero();
    }

    @Test
    void countersNoInstanceClaimsExpireInsteadOfStayingForever() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("id").asLong();

        gatewayCounts(key, LocalDate.now(ZoneOffset.UTC).toString(), 1);

        Long ttl = redis.getExpire(redisKeys().usage(String.valueOf(key)));
        assertThat(ttl).isNotNull().isPositive().isLessThanOrEqualTo(COUNTER_TTL.toSeconds());
    }

    @Test
    void daysOlderThanNinetyArePurgedAndYoungerOnesKept() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("id").asLong();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int age : List.of(400, 91, 90, 89, 0)) {
            jdbc.sql("INSERT INTO api_key_usage (key_id, day, requests) VALUES (?, ?, 1)")
                .params(key, today.minusDays(age))
                .update();
        }

        history.purge();

        assertThat(jdbc.sql("SELECT day FROM api_key_usage WHERE key_id = ? ORDER BY day").param(key)
            .query(LocalDate.class).list()).containsExactly(today.minusDays(90), today.minusDays(89), today);
    }

    private static void flushWhile(UsageFlush flush, AtomicBoolean counting) {
        while (counting.get()) {
            flush.flush();
        }
    }

    private void gatewayCounts(long key, String day, long requests) {
        redis.execute(GATEWAY_WRITE, List.of(redisKeys().usageDirty(RedisKeys.usageShard(String.valueOf(key))),
                redisKeys().usage(String.valueOf(key))),
                String.valueOf(COUNTER_TTL.toMillis()), "count:" + day, String.valueOf(requests),
                String.valueOf(System.currentTimeMillis()), String.valueOf(key));
    }

    private void claim(String batchId, long key, String day, long requests) {
        int shard = RedisKeys.usageShard(String.valueOf(key));
        redis.opsForHash().put(redisKeys().usageClaim(shard, batchId), key + "|count:" + day, String.valueOf(requests));
        redis.opsForSet().add(redisKeys().usageClaims(shard), batchId);
    }

    private long requests(long key, String day) {
        return jdbc.sql("SELECT coalesce(sum(requests), 0) FROM api_key_usage WHERE key_id = ? AND day = ?")
            .params(key, LocalDate.parse(day))
            .query(Long.class)
            .single();
    }
}
