package org.ssoplatform.gateway.apikey;


import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.apikey.format.ApiKeyFormat;
import org.ssoplatform.gateway.web.ClientAddresses;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.Problems;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;
import reactor.core.publisher.Mono;

/**
 * Authenticates {@code X-API-Key}: a malformed key is refused before any I/O; a good one is replaced
 * by {@code Authorization: Bearer <exchanged JWT>} on the proxied request ({@link ProxiedRequestHeaders}). It is
 * the only filter after CORS in the lane of requests that carry a key and no bearer token.
 */
public final class ApiKeyAuthenticationFilter implements WebFilter {

    private final ApiKeyResolver resolver;

    private final UsageRecorder usage;

    private final ProblemEntryPoint entryPoint;

    private final Problems problems;

    private final ClientAddresses addresses;

    ApiKeyAuthenticationFilter(ApiKeyResolver resolver, UsageRecorder usage, ProblemEntryPoint entryPoint,
            Problems problems, ClientAddresses addresses) {
        this.addresses = addresses;
        this.resolver = resolver;
        this.usage = usage;
        this.entryPoint = entryPoint;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(ApiKeyProperties.HEADER);
        if (key == null) {
            return chain.filter(exchange);
        }
        if (!ApiKeyFormat.isWellFormed(key)) {
            return entryPoint.invalidToken(exchange, "The API key is malformed.");
        }
        String hash = ApiKeyFormat.hashHex(key);
        ExchangedToken cached = resolver.cached(key, hash);
        if (cached != null) {
            return relay(exchange, chain, cached);
        }
        return resolver.resolve(key, hash, () -> addresses.of(exchange.getRequest())).flatMap(resolution -> {
            if (resolution instanceof Resolution.Accepted accepted) {
                return relay(exchange, chain, accepted.token());
            }
            if (resolution instanceof Resolution.Blocked blocked) {
                long seconds = Math.max(1, (blocked.retryAfter().toMillis() + 999) / 1000);
                return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed API-key attempts from this address; try again later.",
                        headers -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
            }
            if (resolution instanceof Resolution.Unavailable) {
                return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        "The API key cannot be verified right now; try again later.");
            }
            return entryPoint.invalidToken(exchange, "The API key is invalid, expired or revoked.");
        });
    }

    private Mono<Void> relay(ServerWebExchange exchange, WebFilterChain chain, ExchangedToken token) {
        usage.record(token.apiKeyId());
        ProxiedRequestHeaders.relayAuthorization(exchange, token.authorization());
        JwtAuthenticationToken authentication = token.authentication();
        // The caller is the exchange's principal, which the rate limiter reads. The lane does not also
        // write it into the Reactor context (ReactiveSecurityContextHolder): nothing after this filter
        // reads it there, and the entry cost 6 to 10 µs of CPU per key request (bench/README.md, session 21):
        // Reactor Netty merges the larger context into its own on every proxied call.
        ServerWebExchange authenticated = exchange.mutate().principal(Mono.just(authentication)).build();
        return chain.filter(authenticated);
    }
}
