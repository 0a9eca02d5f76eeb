package org.ssoplatform.auth.apikey;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ssoplatform.contract.RedisKeys;

/** What gateways must drop from their token caches once the transaction that raised this commits. */
record KeysInvalidated(List<String> hashes, boolean all) {

    static KeysInvalidated of(Collection<String> hashes) {
        return new KeysInvalidated(List.copyOf(hashes), false);
    }

    static KeysInvalidated everything() {
        return new KeysInvalidated(List.of(), true);
    }

    boolean isEmpty() {
        return !all && hashes.isEmpty();
    }

    /**
     * The message of docs/contracts.md: {@code {"all":true}} or {@code {"hashes":[...]}}, with
     * {@code published_at} (epoch ms, when the change was recorded), from which each gateway measures its
     * revocation lag.
     */
    Map<String, Object> message(long publishedAtMillis) {
        return all ? Map.of(RedisKeys.INVALIDATE_ALL, true, RedisKeys.INVALIDATE_PUBLISHED_AT, publishedAtMillis)
                : Map.of(RedisKeys.INVALIDATE_HASHES, hashes, RedisKeys.INVALIDATE_PUBLISHED_AT, publishedAtMillis);
    }
}
