package org.ssoplatform.gateway.apikey;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * The in-process tier: exchanged tokens by key hash, each for at most the configured local TTL and
 * never past its token's expiry margin. A generation counter closes the race between an
 * invalidation and a lookup that was already under way: an entry found or fetched before an
 * invalidation is not kept after it.
 */
final class LocalTokenCache {

    private record Entry(ExchangedToken token, Duration ttl, AtomicBoolean refreshClaimed) {
    }

    private final Cache<String, Entry> cache;

    private final AtomicLong generation = new AtomicLong();

    LocalTokenCache(int maxEntries) {
        this.cache = Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(Expiry.creating((String hash, Entry entry) -> entry.ttl()))
            .executor(Runnable::run) // see VerifiedTokenCache
            .build();
    }

    ExchangedToken get(String hash) {
        Entry entry = cache.getIfPresent(hash);
        return entry != null ? entry.token() : null;
    }

    /** True once per cached token: for the one request that is to start its refresh. */
    boolean claimRefresh(String hash) {
        Entry entry = cache.getIfPresent(hash);
        return entry != null && entry.refreshClaimed().compareAndSet(false, true);
    }

    /** Read before a lookup starts, passed to {@link #put} when it ends. */
    long generation() {
        return generation.get();
    }

    void put(String hash, ExchangedToken token, Duration ttl, long seenGeneration) {
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        Entry previous = cache.getIfPresent(hash);
        boolean sameToken = previous != null && previous.token().value().equals(token.value());
        cache.put(hash, new Entry(token, ttl, sameToken ? previous.refreshClaimed() : new AtomicBoolean()));
        if (generation.get() != seenGeneration) {
            cache.invalidate(hash); // an invalidation ran meanwhile: this token may be for a revoked key
        }
    }

    void invalidate(Collection<String> hashes) {
        generation.incrementAndGet();
        cache.invalidateAll(hashes);
    }

    void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
