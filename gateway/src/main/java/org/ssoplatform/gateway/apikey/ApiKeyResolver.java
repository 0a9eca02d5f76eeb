package org.ssoplatform.gateway.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.apikey.ApiKeyRedis.Lookup;
import org.ssoplatform.gateway.apikey.TokenExchangeClient.Issued;
import org.ssoplatform.gateway.apikey.TokenExchangeClient.Refused;
import reactor.core.publisher.Mono;

/**
 * Key to token: the in-process cache, then Redis, then one token exchange at auth-server, whose
 * answer is cached in both tiers for no longer than the token lives. Concurrent misses for one key
 * share a single exchange, and a cached token is reused until it nears its expiry, so auth-server is
 * not asked on every request (spring-cloud-gateway#2079). No path accepts a key auth-server has not
 * vouched for: when neither cache has it and auth-server is unreachable, the answer is 503.
 * A token near the end of its time in the caches is exchanged again in the background while it still
 * serves, so a busy key's requests do not all wait for that exchange every few minutes (see
 * docs/performance.md#api-key-cache-tiers).
 */
final class ApiKeyResolver {

    private final LocalTokenCache local;

    private final ApiKeyRedis redis;

    private final TokenExchangeClient exchange;

    private final ApiKeyProperties properties;

    private final Clock clock;

    private final ApiKeyMeters meters;

    private final Map<String, Mono<Resolution>> inFlight = new ConcurrentHashMap<>();

    ApiKeyResolver(LocalTokenCache local, ApiKeyRedis redis, TokenExchangeClient exchange,
            ApiKeyProperties properties, Clock clock, ApiKeyMeters meters) {
        this.meters = meters;
        this.local = local;
        this.redis = redis;
        this.exchange = exchange;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The token the in-process cache holds for a well-formed key ({@link ApiKeyFormat#isWellFormed}) whose
     * hash is {@code hash}, or null. Most requests of a busy key end here, with no {@link Mono} to build (see
     * docs/performance.md#api-key-cache-tiers).
     */
    ExchangedToken cached(String apiKey, String hash) {
        ExchangedToken cached = local.get(hash);
        Instant now = clock.instant();
        if (cached == null || cached.expired(now)) {
            return null;
        }
        if (cached.refreshDue(now, properties.expiryMargin()) && local.claimRefresh(hash)) {
            refreshAhead(apiKey, hash);
        }
        return cached;
    }

    /**
     * A key {@link #cached} did not answer, through the tiers behind it. The caller's address counts failed
     * attempts; it is only read here, when the in-process cache does not have the key.
     */
    Mono<Resolution> resolve(String apiKey, String hash, Supplier<String> caller) {
        long generation = local.generation();
        String clientAddress = caller.get();
        return redis.lookup(hash, clientAddress).flatMap(lookup -> {
            ExchangedToken shared = usable(lookup);
            if (shared != null) {
                local.put(hash, shared, localTtl(shared), generation);
                meters.redisHit.increment();
                return Mono.just(new Resolution.Accepted(shared));
            }
            if (lookup.failures() >= properties.maxFailedAttempts()) {
                return redis.retryAfter(clientAddress).map(Resolution.Blocked::new);
            }
            Mono<Resolution> outcome = lookup.unknown() ? Mono.just(new Resolution.Rejected())
                    : inFlight.computeIfAbsent(hash, h -> exchangeOnce(apiKey, h, generation));
            return outcome.flatMap(resolution -> {
                if (resolution instanceof Resolution.Accepted) {
                    meters.exchangeHit.increment();
                }
                return resolution instanceof Resolution.Rejected
                        ? redis.recordFailure(clientAddress, hash).thenReturn(resolution) : Mono.just(resolution);
            });
        });
    }

    private void refreshAhead(String apiKey, String hash) {
        long generation = local.generation();
        inFlight.computeIfAbsent(hash, h -> exchangeOnce(apiKey, h, generation)).subscribe(resolution -> {
            if (resolution instanceof Resolution.Rejected) {
                local.invalidate(List.of(hash)); // auth-server no longer vouches for the key
            }
        });
    }

    private Mono<Resolution> exchangeOnce(String apiKey, String hash, long generation) {
        return exchange.exchange(apiKey)
            .map(result -> {
                if (result instanceof Refused) {
                    redis.saveUnknown(hash);
                    return (Resolution) new Resolution.Rejected();
                }
                if (!(result instanceof Issued issued)) {
                    return new Resolution.Unavailable();
                }
                ExchangedToken token;
                try {
                    token = ExchangedToken.parse(issued.accessToken());
                }
                catch (IllegalArgumentException ex) {
                    return new Resolution.Unavailable();
                }
                if (local.generation() == generation) { // not if the key may have been revoked meanwhile
                    redis.saveToken(hash, token.value(), token.cacheableFor(clock.instant(), properties.expiryMargin()));
                }
                local.put(hash, token, localTtl(token), generation);
                return new Resolution.Accepted(token);
            })
            .doFinally(signal -> inFlight.remove(hash))
            .cache();
    }

    private ExchangedToken usable(Lookup lookup) {
        if (lookup.token() == null) {
            return null;
        }
        try {
            ExchangedToken token = ExchangedToken.parse(lookup.token());
            return token.cacheableFor(clock.instant(), properties.expiryMargin()).isNegative() ? null : token;
        }
        catch (IllegalArgumentException ex) {
            return null; // unreadable entry: treat as a miss and exchange again
        }
    }

    private Duration localTtl(ExchangedToken token) {
        Duration untilExpiry = token.cacheableFor(clock.instant(), properties.expiryMargin());
        return untilExpiry.compareTo(properties.localTtl()) < 0 ? untilExpiry : properties.localTtl();
    }
}
