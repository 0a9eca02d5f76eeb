package org.ssoplatform.gateway.bearer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.ssoplatform.gateway.web.Caller;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed every check, keyed by the exact serialized token, until they expire:
 * a client sends the same token many times, and parsing plus an RS256 verification is the largest
 * cost of a bearer request (see docs/performance.md#bearer-tokens). A changed byte is a different key,
 * so nothing unverified is ever served from here; failures are not remembered. With each token it keeps
 * the caller the API chain's conversion makes of it, for the edge's bearer lane ({@link BearerAuthenticator}).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;

    private final Converter<Jwt, AbstractAuthenticationToken> converter;

    private final Cache<String, Verified> verified;

    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> converter,
            int maxTokens, Clock clock) {
        this.decoder = decoder;
        this.converter = converter;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .expireAfter(Expiry.creating((String token, Verified known) -> untilExpiry(known.jwt())))
            // Its upkeep on the reading thread: handed to the common pool, a few reads of one hot entry in
            // a row wake a pool thread each time (see docs/performance.md#caffeine-upkeep).
            .executor(Runnable::run)
            .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known.jwt());
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, new Verified(jwt)));
    }

    /** The caller of a token that passed every check and has not expired, or null. */
    Caller caller(String token) {
        Verified known = verified.getIfPresent(token);
        return known != null ? known.caller(converter) : null;
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt != null ? Duration.between(clock.instant(), expiresAt) : Duration.ZERO;
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static final class Verified {

        private final Jwt jwt;

        private volatile Caller caller;

        Verified(Jwt jwt) {
            this.jwt = jwt;
        }

        Jwt jwt() {
            return this.jwt;
        }

        /** Made once, on the first request that asks: two at once make equal callers, either kept. */
        Caller caller(Converter<Jwt, AbstractAuthenticationToken> converter) {
            Caller made = this.caller;
            if (made == null) {
                made = new Caller(converter.convert(this.jwt));
                this.caller = made;
            }
            return made;
        }
    }
}
