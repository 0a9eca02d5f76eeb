package org.ssoplatform.resourceserver.reactive;

import org.ssoplatform.resourceserver.VerifiedTokenCache;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** A decoder that verifies each distinct token once, then serves it from a {@link VerifiedTokenCache} until its expiry. */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;

    private final VerifiedTokenCache verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder decoder, VerifiedTokenCache verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}
