package org.ssoplatform.gateway.ratelimit;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Claims;
import org.ssoplatform.contract.Headers;
import org.ssoplatform.gateway.ratelimit.RateLimitProperties.Limit;
import org.ssoplatform.gateway.ratelimit.TokenLeases.Decision;
import org.ssoplatform.gateway.web.AccessLog;
import org.ssoplatform.gateway.web.Caller;
import org.ssoplatform.gateway.web.Problems;
import org.ssoplatform.gateway.web.RequestLog;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request of an authenticated caller: requests made with an API key count
 * against that key's bucket ({@code api_key_id}), of the key's own size when its token carries one
 * ({@code rate_limit}), all others against their user's ({@code sub}).
 * Anonymous requests to public routes are not limited here. The caller is the one a lane of the edge
 * handed on ({@link Caller}), or else the exchange's principal, which Spring Security's chains set. Answers carry the IETF
 * {@code RateLimit-*} headers; a refusal is a 429 problem with {@code Retry-After}.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

    private final TokenLeases leases;

    private final RateLimitProperties properties;

    private final Problems problems;

    private final Counter apiKeyRefusals;

    private final Counter userRefusals;

    RateLimitFilter(TokenLeases leases, RateLimitProperties properties, Problems problems, MeterRegistry meters) {
        this.apiKeyRefusals = refusals(meters, "api_key");
        this.userRefusals = refusals(meters, "user");
        this.leases = leases;
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -10; // before the routing filters, so a refused request never reaches a backend
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        Caller known = Caller.of(exchange);
        if (known != null) {
            // Decided by a lane of the edge: the caller is at hand, with no pipeline to build.
            return known.principal() == null ? chain.filter(exchange) : limit(exchange, chain, known.principal());
        }
        return exchange.getPrincipal()
            .map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(caller -> caller.isEmpty() ? chain.filter(exchange) : limit(exchange, chain, caller.get()));
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, Principal principal) {
        AccessLog.caller(exchange, principal);
        // The claims as parsed: reading them through getClaimAsString converts them on every request.
        Map<String, Object> claims = principal instanceof JwtAuthenticationToken jwt ? jwt.getTokenAttributes() : Map.of();
        Object apiKeyId = claims.get(Claims.API_KEY_ID);
        Limit limit = apiKeyId != null ? properties.forApiKey(apiKeyId.toString(), claims.get(Claims.RATE_LIMIT))
                : properties.user();
        String subject = apiKeyId != null ? "apikey:" + apiKeyId : "user:" + principal.getName();
        Decision local = leases.takeLocal(subject, limit);
        if (local != null) {
            return decide(exchange, chain, limit, local, apiKeyId != null);
        }
        return leases.takeShared(subject, limit)
            .contextWrite(RequestLog.carrying(exchange))
            .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange)
                    : decide(exchange, chain, limit, decision.get(), apiKeyId != null));
    }

    private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, Limit limit, Decision d,
            boolean apiKey) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(Headers.RATE_LIMIT_LIMIT, String.valueOf(limit.capacity()));
        headers.set(Headers.RATE_LIMIT_REMAINING, String.valueOf(d.remaining()));
        headers.set(Headers.RATE_LIMIT_RESET, String.valueOf(seconds(d.resetMillis())));
        if (d.allowed()) {
            return chain.filter(exchange);
        }
        (apiKey ? apiKeyRefusals : userRefusals).increment();
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded; slow down.",
                h -> h.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, seconds(d.retryAfterMillis())))));
    }

    private static Counter refusals(MeterRegistry meters, String caller) {
        return Counter.builder("platform.ratelimit.refusals")
            .description("Requests refused by the rate limit (429), by kind of caller")
            .tag("caller", caller)
            .register(meters);
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
