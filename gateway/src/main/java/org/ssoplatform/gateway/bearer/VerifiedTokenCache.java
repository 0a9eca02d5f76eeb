package org.ssoplatform.gateway.bearer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed every check, keyed by the exact serialized token, until they expire:
 * a client sends the same token many times, and parsing plus an RS256 verification is the largest
 * cost of a bearer request (see docs/performance.md#bearer-tokens). A changed byte is a different key,
 * so nothing unverified is ever served from here; failures are not remembered.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;

    private final Cache<String, Jwt> verified;

    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder decoder, int maxTokens, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .expireAfter(Expiry.creating((String token, Jwt jwt) -> untilExpiry(jwt)))
            // Its upkeep on the reading thread: handed to the common pool, a few reads of one hot entry in
            // a row wake a pool thread each time (see docs/performance.md#caffeine-upkeep).
            .executor(Runnable::run)
            .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt != null ? Duration.between(clock.instant(), expiresAt) : Duration.ZERO;
        return left.isNegative() ? Duration.ZERO : left;
    }
}
