package org.ssoplatform.resourceserver;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens that passed every check, keyed by their exact serialized text, each until its {@code exp}: a caller
 * sends the same token many times, and parsing it plus an RS256 verification was most of what a bearer request
 * cost (docs/performance.md#resource-services). A changed byte is another key, so nothing unverified is ever
 * served from here; the decorating decoders remember only tokens their decoder accepted.
 */
public final class VerifiedTokenCache {

    private final Cache<String, Jwt> verified;

    public VerifiedTokenCache(int maxTokens) {
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
            // Upkeep on the reading thread: handed to the common pool, reads of one hot entry wake a pool
            // thread every few dozen requests (docs/performance.md#caffeine-upkeep).
            .executor(Runnable::run)
            .build();
    }

    /** The verified token of exactly this text, or {@code null} when there is none or it has expired. */
    public Jwt get(String token) {
        return verified.getIfPresent(token);
    }

    /** Remembers a token its decoder has just accepted, until its {@code exp}. */
    public void remember(String token, Jwt jwt) {
        verified.put(token, jwt);
    }

    private static Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt != null ? Duration.between(Instant.now(), expiresAt) : Duration.ZERO;
        return left.isNegative() ? Duration.ZERO : left;
    }
}
