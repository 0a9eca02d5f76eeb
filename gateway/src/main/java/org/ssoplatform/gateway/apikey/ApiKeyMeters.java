package org.ssoplatform.gateway.apikey;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The API-key lane's meters (names in docs/observability.md), every one built once here, so that a
 * request only increments a counter it already holds.
 */
final class ApiKeyMeters {

    final Counter localHit;

    final Counter redisHit;

    final Counter exchangeHit;

    final Counter malformed;

    final Counter unknown;

    final Counter blocked;

    final Counter unavailable;

    private final Timer issued;

    private final Timer refused;

    private final Timer failed;

    private final Timer revocationLag;

    ApiKeyMeters(MeterRegistry registry) {
        localHit = lookup(registry, "local");
        redisHit = lookup(registry, "redis");
        exchangeHit = lookup(registry, "exchange");
        malformed = refusal(registry, "malformed");
        unknown = refusal(registry, "unknown");
        blocked = refusal(registry, "blocked");
        unavailable = refusal(registry, "unavailable");
        issued = exchange(registry, "issued");
        refused = exchange(registry, "refused");
        failed = exchange(registry, "unavailable");
        revocationLag = Timer.builder("platform.apikey.revocation.lag")
            .description("From auth-server recording a revocation to this gateway's cache dropping the keys")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    }

    void exchanged(TokenExchangeClient.Result result, long nanos) {
        Timer timer = result instanceof TokenExchangeClient.Issued ? issued
                : result instanceof TokenExchangeClient.Refused ? refused : failed;
        timer.record(Duration.ofNanos(nanos));
    }

    /** Clocks of two hosts: a negative lag (skew) counts as none. */
    void revoked(long publishedAtMillis, long nowMillis) {
        revocationLag.record(Duration.ofMillis(Math.max(0, nowMillis - publishedAtMillis)));
    }

    private static Counter lookup(MeterRegistry registry, String tier) {
        return Counter.builder("platform.apikey.lookups")
            .description("API-key requests by the cache tier that answered them")
            .tag("tier", tier)
            .register(registry);
    }

    private static Counter refusal(MeterRegistry registry, String reason) {
        return Counter.builder("platform.apikey.refused")
            .description("API-key requests refused, by reason")
            .tag("reason", reason)
            .register(registry);
    }

    private static Timer exchange(MeterRegistry registry, String outcome) {
        return Timer.builder("platform.apikey.exchanges")
            .description("Token exchanges of API keys at auth-server, by outcome")
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    }
}
