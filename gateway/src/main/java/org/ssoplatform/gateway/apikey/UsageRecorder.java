package org.ssoplatform.gateway.apikey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.config.RedisScripts;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Usage per key, off the request path: requests only bump an in-memory counter; a background loop
 * writes all counters to Redis once per interval, one script call per usage shard ({@link RedisKeys#usage}
 * hashes with {@code last_used_at} and {@code count:YYYY-MM-DD} in UTC, ids added to the shard's dirty set
 * that auth-server drains; hashes and set expire {@code usage-counter-ttl} after their last write). A failed
 * write keeps the counts for the next round.
 */
final class UsageRecorder implements SmartLifecycle {

    private record Key(String apiKeyId, String day) {
    }

    private record Usage(long count, long lastUsedAt) {

        Usage plus(Usage other) {
            return new Usage(count + other.count, Math.max(lastUsedAt, other.lastUsedAt));
        }
    }

    private record Day(long epochDay, String text) {
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private static final RedisScript<Long> FLUSH = RedisScripts.fromClasspath("scripts/usage_flush.lua", Long.class);

    private final Map<Key, Usage> pending = new ConcurrentHashMap<>();

    private final ReactiveStringRedisTemplate redis;

    private final RedisKeys keys;

    private final ApiKeyProperties properties;

    private final Clock clock;

    private volatile Disposable loop;

    private volatile Day today;

    UsageRecorder(ReactiveStringRedisTemplate redis, RedisKeys keys, ApiKeyProperties properties, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    void record(String apiKeyId) {
        if (apiKeyId != null) {
            long now = clock.millis();
            pending.merge(new Key(apiKeyId, day(now)), new Usage(1, now), Usage::plus);
        }
    }

    /** The UTC date of {@code millis}, formatted once a day rather than on every request. */
    private String day(long millis) {
        long epochDay = Math.floorDiv(millis, MILLIS_PER_DAY);
        Day day = this.today;
        if (day == null || day.epochDay() != epochDay) {
            day = new Day(epochDay, LocalDate.ofEpochDay(epochDay).toString());
            this.today = day;
        }
        return day.text();
    }

    Mono<Void> flush() {
        Map<Key, Usage> batch = new HashMap<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Usage usage = pending.remove(key); // atomic per key: a concurrent record() lands in a new entry
            if (usage != null) {
                batch.put(key, usage);
            }
        }
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        Map<Integer, Map<Key, Usage>> shards = new TreeMap<>();
        batch.forEach((key, usage) -> shards.computeIfAbsent(RedisKeys.usageShard(key.apiKeyId()), shard -> new HashMap<>())
            .put(key, usage));
        return Flux.fromIterable(shards.entrySet()).flatMap(shard -> write(shard.getKey(), shard.getValue())).then();
    }

    /** One script call per shard: its hashes and dirty set share a cluster slot. */
    private Mono<Void> write(int shard, Map<Key, Usage> batch) {
        List<String> scriptKeys = new ArrayList<>(List.of(keys.usageDirty(shard)));
        List<String> args = new ArrayList<>(List.of(String.valueOf(properties.usageCounterTtl().toMillis())));
        batch.forEach((key, usage) -> {
            scriptKeys.add(keys.usage(key.apiKeyId()));
            args.addAll(List.of(RedisKeys.USAGE_COUNT_PREFIX + key.day(), String.valueOf(usage.count()),
                    String.valueOf(usage.lastUsedAt()), key.apiKeyId()));
        });
        return redis.execute(FLUSH, scriptKeys, args)
            .then()
            .timeout(properties.redisTimeout())
            .onErrorResume(ex -> {
                log.debug("Usage counters not written, kept for the next round: {}", ex.getClass().getSimpleName());
                batch.forEach((key, usage) -> pending.merge(key, usage, Usage::plus));
                return Mono.empty();
            });
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.usageFlushInterval())
            .onBackpressureDrop()
            .concatMap(tick -> flush(), 1)
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        loop = null;
        if (running != null) {
            running.dispose();
            flush().block(properties.redisTimeout().multipliedBy(2));
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
