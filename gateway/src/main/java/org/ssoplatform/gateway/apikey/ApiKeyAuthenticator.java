package org.ssoplatform.gateway.apikey;


import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.web.Caller;
import org.ssoplatform.gateway.web.ClientAddresses;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.Problems;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;
import org.ssoplatform.gateway.web.RequestLog;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code X-API-Key}: a malformed key is refused before any I/O; a good one is replaced
 * by {@code Authorization: Bearer <exchanged JWT>} on the proxied request ({@link ProxiedRequestHeaders}). It is
 * the only stage after CORS in the edge's lane of requests that carry a key and no bearer token. Not a
 * {@code WebFilter} bean, which WebFlux would also run for every request outside that lane.
 */
public final class ApiKeyAuthenticator {

    private final ApiKeyResolver resolver;

    private final UsageRecorder usage;

    private final ProblemEntryPoint entryPoint;

    private final Problems problems;

    private final ApiKeyMeters meters;

    private final ClientAddresses addresses;

    ApiKeyAuthenticator(ApiKeyResolver resolver, UsageRecorder usage, ProblemEntryPoint entryPoint,
            Problems problems, ApiKeyMeters meters, ClientAddresses addresses) {
        this.meters = meters;
        this.addresses = addresses;
        this.resolver = resolver;
        this.usage = usage;
        this.entryPoint = entryPoint;
        this.problems = problems;
    }

    /** Answers the request here unless {@code key} is accepted; then it goes on down {@code chain}. */
    public Mono<Void> authenticate(ServerWebExchange exchange, WebFilterChain chain, String key) {
        if (!ApiKeyFormat.isWellFormed(key)) {
            meters.malformed.increment();
            return entryPoint.invalidToken(exchange, "The API key is malformed.");
        }
        String hash = ApiKeyFormat.hashHex(key);
        ExchangedToken cached = resolver.cached(key, hash);
        if (cached != null) {
            meters.localHit.increment();
            return relay(exchange, chain, cached);
        }
        return resolver.resolve(key, hash, () -> addresses.of(exchange.getRequest()))
            .contextWrite(RequestLog.carrying(exchange)) // the exchange's trace and its log lines
            .flatMap(resolution -> {
            if (resolution instanceof Resolution.Accepted accepted) {
                return relay(exchange, chain, accepted.token());
            }
            if (resolution instanceof Resolution.Blocked blocked) {
                meters.blocked.increment();
                long seconds = Math.max(1, (blocked.retryAfter().toMillis() + 999) / 1000);
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed API-key attempts from this address; try again later.",
                        headers -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
            }
            if (resolution instanceof Resolution.Unavailable) {
                meters.unavailable.increment();
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The API key cannot be verified right now; try again later.");
            }
            meters.unknown.increment();
            return entryPoint.invalidToken(exchange, "The API key is invalid, expired or revoked.");
        });
    }

    private Mono<Void> relay(ServerWebExchange exchange, WebFilterChain chain, ExchangedToken token) {
        usage.record(token.apiKeyId());
        ProxiedRequestHeaders.relayAuthorization(exchange, token.authorization());
        JwtAuthenticationToken authentication = token.authentication();
        // The caller is handed on explicitly and as the exchange's principal, not in the Reactor context
        // (ReactiveSecurityContextHolder), which nothing after this reads and which Reactor Netty merges into
        // its own on every proxied call (see docs/performance.md#api-key-cache-tiers).
        token.caller().putOn(exchange);
        ServerWebExchange authenticated = exchange.mutate().principal(Mono.just(authentication)).build();
        return chain.filter(authenticated);
    }
}
