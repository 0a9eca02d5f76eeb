package org.ssoplatform.gateway.apikey;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.web.RequestLog;

/**
 * The shared tier of the key cache in Redis. Every call is bounded by the Redis timeout and none
 * fails a request: a lookup that cannot reach Redis answers {@link Lookup#UNAVAILABLE} and the
 * caller asks auth-server instead; writes are best effort.
 */
final class ApiKeyRedis {

    /** What Redis knows about a key hash and the caller's address, read in two concurrent commands (two slots). */
    record Lookup(String token, boolean unknown, long failures) {

        static final Lookup UNAVAILABLE = new Lookup(null, false, 0);
    }

    private static final Logger log = LoggerFactory.getLogger(ApiKeyRedis.class);

    /**
     * KEYS[1] the address's count, KEYS[2] the hashes it counted; ARGV[1] the window, ARGV[2] the hash.
     * A key counts once per window: the limit is against guessing many keys, and a client retrying one
     * key it was just told is revoked guesses nothing.
     */
    private static final RedisScript<Long> COUNT_DISTINCT_IN_WINDOW = RedisScript.of("""
            if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              redis.call('PEXPIRE', KEYS[2], ARGV[1])
            end
            return n""", Long.class);

    private static final Duration BULK_DELETION_TIMEOUT = Duration.ofSeconds(30);

    private final ReactiveStringRedisTemplate redis;

    private final RedisKeys keys;

    private final ApiKeyProperties properties;

    /** Bulk deletions under way: until they end, cached tokens and unknown marks read from Redis may be stale. */
    private final AtomicInteger clearing = new AtomicInteger();

    ApiKeyRedis(ReactiveStringRedisTemplate redis, RedisKeys keys, ApiKeyProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    Mono<Lookup> lookup(String hash, String clientAddress) {
        Mono<List<String>> cached = redis.opsForValue().multiGet(List.of(keys.apiKeyToken(hash), keys.apiKeyUnknown(hash)));
        Mono<Long> failures = redis.opsForValue().get(keys.failedAttempts(clientAddress)).map(Long::parseLong)
            .defaultIfEmpty(0L);
        return Mono.zip(cached, failures)
            .map(values -> clearing.get() > 0 ? new Lookup(null, false, values.getT2())
                    : new Lookup(values.getT1().get(0), values.getT1().get(1) != null, values.getT2()))
            .timeout(properties.redisTimeout())
            .onErrorResume(ex -> Mono.deferContextual(context -> {
                RequestLog.log(log, Level.DEBUG, context, "Redis unavailable for an API-key lookup: {}",
                        ex.getClass().getSimpleName());
                return Mono.just(Lookup.UNAVAILABLE);
            }));
    }

    void saveToken(String hash, String token, Duration ttl) {
        if (ttl.toMillis() > 0) {
            bestEffort(redis.opsForValue().set(keys.apiKeyToken(hash), token, ttl), "cache a token");
        }
    }

    /** Also drops a token cached for the key: auth-server has just refused it. */
    void saveUnknown(String hash) {
        bestEffort(redis.delete(keys.apiKeyToken(hash))
            .then(redis.opsForValue().set(keys.apiKeyUnknown(hash), "1", properties.unknownTtl())), "cache an unknown key");
    }

    /** Counts a failed attempt of this address with this key; the window starts with its first failure. */
    Mono<Void> recordFailure(String clientAddress, String hash) {
        return redis.execute(COUNT_DISTINCT_IN_WINDOW,
                    List.of(keys.failedAttempts(clientAddress), keys.failedKeys(clientAddress)),
                    List.of(String.valueOf(properties.failedAttemptsWindow().toMillis()), hash))
            .then()
            .timeout(properties.redisTimeout())
            .onErrorResume(ex -> Mono.empty());
    }

    /** Time until this address may try again; the whole window if Redis cannot say. */
    Mono<Duration> retryAfter(String clientAddress) {
        return redis.getExpire(keys.failedAttempts(clientAddress))
            .filter(ttl -> !ttl.isNegative() && !ttl.isZero())
            .timeout(properties.redisTimeout())
            .onErrorResume(ex -> Mono.empty())
            .defaultIfEmpty(properties.failedAttemptsWindow());
    }

    /** One DEL per hash: a hash's two keys share a slot, different hashes may not. */
    Mono<Void> delete(Collection<String> hashes) {
        return Flux.fromIterable(hashes)
            .flatMap(hash -> redis.delete(keys.apiKeyToken(hash), keys.apiKeyUnknown(hash)))
            .then();
    }

    /**
     * Deletes every cached token and unknown mark; lookups ignore what they find of them until it ends, since a
     * scan of a large keyspace takes a while and what it has not reached yet may be stale.
     */
    Mono<Void> deleteAll() {
        return Mono.fromRunnable(clearing::incrementAndGet)
            .thenMany(Flux.fromArray(keys.apiKeyCachePatterns()))
            .concatMap(pattern -> redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build()))
            .buffer(500)
            .concatMap(batch -> redis.delete(batch.toArray(String[]::new)))
            .then()
            .timeout(BULK_DELETION_TIMEOUT)
            .doFinally(signal -> clearing.decrementAndGet());
    }

    private void bestEffort(Mono<?> write, String what) {
        write.timeout(properties.redisTimeout()).subscribe(done -> {
        }, ex -> log.debug("Could not {} in Redis: {}", what, ex.getClass().getSimpleName()));
    }
}
