package org.ssoplatform.gateway.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.gateway.apikey.ApiKeyFilters;
import org.ssoplatform.gateway.bearer.BearerFailureHandler;
import org.ssoplatform.gateway.web.ProblemAccessDeniedHandler;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;
import reactor.core.publisher.Mono;

/**
 * The chains of everything the portal chain does not take. Stateless: each request authenticates
 * with a bearer JWT or an API key, or goes to a configured public path. Three chains, by the
 * credentials a request carries: none on a public path (CORS only), only an API key (the key's
 * filter), and all others, the API chain: both credentials (400), a bearer JWT, or none on a
 * protected path (401).
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

    /**
     * A public path called with no credential needs nothing of the API chain but CORS, so it skips
     * the chain's authentication, authorization and security-context filters (bench/README.md). Called
     * with a bearer token or an API key, a public path still goes through the API chain: a bad token
     * is refused there and a key never reaches the backend.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain anonymousPublicPathChain(GatewayProperties properties, CorsConfigurationSource cors) {
        PathPatterns publicPaths = PathPatterns.of(properties.publicPaths());
        ServerWebExchangeMatcher anonymousPublicPath = exchange -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            boolean credential = headers.containsHeader(HttpHeaders.AUTHORIZATION)
                    || headers.containsHeader(ProxiedRequestHeaders.API_KEY);
            return !credential && publicPaths.test(exchange.getRequest()) ? PathPatterns.MATCH : PathPatterns.NO_MATCH;
        };
        return new MatcherSecurityWebFilterChain(anonymousPublicPath, List.of(new CorsWebFilter(cors)));
    }

    /**
     * An API key and no bearer token, on any path: the key's own filter decides, and it answers every
     * key it does not accept itself (malformed or unknown 401, blocked 429, unverifiable 503). An
     * accepted key is an authenticated caller, which every path of the API chain lets through, so its
     * bearer authentication, authorization and exception translation would only cost the request time
     * (bench/README.md). A request with both credentials goes to the API chain, which refuses it.
     */
    @Bean
    @Order(3)
    SecurityWebFilterChain apiKeyOnlyChain(ApiKeyFilters apiKeys, CorsConfigurationSource cors) {
        return new MatcherSecurityWebFilterChain(EdgeSecurityConfig::carriesOnlyAnApiKey,
                List.of(new CorsWebFilter(cors), apiKeys.authentication()));
    }

    private static Mono<MatchResult> carriesOnlyAnApiKey(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean onlyKey = headers.containsHeader(ProxiedRequestHeaders.API_KEY)
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION);
        return onlyKey ? PathPatterns.MATCH : PathPatterns.NO_MATCH;
    }

    @Bean
    @Order(4)
    SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties,
            ReactiveJwtDecoder jwtDecoder, ApiKeyFilters apiKeys, ProblemEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied, BearerFailureHandler bearerFailure, CorsConfigurationSource cors) {
        return http
            .authorizeExchange(exchanges -> exchanges
                .matchers(PathPatterns.of(properties.publicPaths())).permitAll()
                .anyExchange().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                .authenticationEntryPoint(entryPoint)
                .authenticationFailureHandler(bearerFailure)
                .accessDeniedHandler(accessDenied))
            .addFilterBefore(apiKeys.conflictCheck(), SecurityWebFiltersOrder.AUTHENTICATION)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .cors(c -> c.configurationSource(cors))
            .csrf(ServerHttpSecurity.CsrfSpec::disable) // no cookies are read on this chain
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .headers(ServerHttpSecurity.HeaderSpec::disable) // written by config.SecurityHeaders
            .build();
    }
}
