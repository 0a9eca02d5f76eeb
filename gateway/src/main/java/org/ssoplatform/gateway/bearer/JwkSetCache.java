package org.ssoplatform.gateway.bearer;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * auth-server's JWKS, downloaded once and kept: fetched again when it is older than the maximum age,
 * or when a token names an unknown {@code kid} (a key rotation) but then at most once per cool-down.
 * Concurrent misses share one download. Spring's remote JWK source would download on every unknown
 * {@code kid}, which lets anyone with a forged token make the gateway hammer auth-server.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {

    private record Snapshot(JWKSet keys, Instant fetchedAt) {
    }

    private final WebClient web;

    private final URI jwkSetUri;

    private final JwtProperties properties;

    private final Clock clock;

    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    private final AtomicReference<Mono<JWKSet>> download = new AtomicReference<>();

    private final Counter refreshed;

    private final Counter refreshFailed;

    JwkSetCache(WebClient web, URI jwkSetUri, JwtProperties properties, Clock clock, MeterRegistry meters) {
        this.refreshed = refreshes(meters, "success");
        this.refreshFailed = refreshes(meters, "failure");
        this.web = web;
        this.jwkSetUri = jwkSetUri;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        Snapshot snapshot = current.get();
        if (snapshot != null) {
            List<JWK> keys = selector.select(snapshot.keys());
            boolean fresh = age(snapshot).compareTo(properties.jwksMaxAge()) < 0;
            boolean coolingDown = age(snapshot).compareTo(properties.jwksRefreshCooldown()) < 0;
            if ((!keys.isEmpty() && fresh) || (keys.isEmpty() && coolingDown)) {
                return Flux.fromIterable(keys);
            }
        }
        // With auth-server unreachable, the keys already known keep working.
        return fetch().onErrorResume(ex -> snapshot == null ? Mono.error(ex) : Mono.just(snapshot.keys()))
            .flatMapMany(keys -> Flux.fromIterable(selector.select(keys)));
    }

    private Duration age(Snapshot snapshot) {
        return Duration.between(snapshot.fetchedAt(), clock.instant());
    }

    private Mono<JWKSet> fetch() {
        Mono<JWKSet> running = download.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> mine = web.get()
            .uri(jwkSetUri)
            .retrieve()
            .bodyToMono(String.class)
            .timeout(properties.jwksTimeout())
            .map(JwkSetCache::parse)
            .doOnNext(keys -> current.set(new Snapshot(keys, clock.instant())))
            .doOnEach(signal -> {
                if (signal.isOnNext()) {
                    refreshed.increment();
                }
                else if (signal.isOnError()) {
                    refreshFailed.increment();
                }
            })
            .doFinally(signal -> download.set(null))
            .cache();
        return download.compareAndSet(null, mine) ? mine : fetch();
    }

    private static Counter refreshes(MeterRegistry meters, String outcome) {
        return Counter.builder("platform.jwks.refreshes")
            .description("Downloads of auth-server's JWKS, by outcome")
            .tag("outcome", outcome)
            .register(meters);
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("The JWKS of auth-server could not be parsed", ex);
        }
    }
}
