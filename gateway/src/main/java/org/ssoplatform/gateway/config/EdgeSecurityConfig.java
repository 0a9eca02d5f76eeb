package org.ssoplatform.gateway.config;

import java.util.List;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.WebFilter;
import org.ssoplatform.gateway.apikey.ApiKeyFilters;
import org.ssoplatform.gateway.bearer.BearerFailureHandler;
import org.ssoplatform.gateway.config.EdgeChains.Lane;
import org.ssoplatform.gateway.web.ProblemAccessDeniedHandler;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;

/**
 * The gateway's security chains. Stateless: each request authenticates
 * with a bearer JWT or an API key, or goes to a configured public path. Two lanes beside Spring
 * Security's proxy ({@link EdgeChains}), by the credentials a request carries: none on a public path
 * (CORS only) and only an API key (the key's filter); and the API chain for all others: both
 * credentials (400), a bearer JWT, or none on a protected path (401). The portal's pages are public
 * paths here: the portal signs people in itself.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

    /**
     * A public path called with no credential needs nothing of the API chain but CORS. Called with a
     * bearer token or an API key, a public path still goes through the API chain or the key's lane: a
     * bad token is refused there and a key never reaches the backend. A request carrying an API key
     * and no bearer token is decided by the key's own filter, which answers every key it does not accept
     * itself (malformed or unknown 401, blocked 429, unverifiable 503); an accepted key is an
     * authenticated caller, which every path of the API chain lets through, so its bearer
     * authentication, authorization and exception translation would only cost the request time. A
     * request with both credentials goes to the API chain, which refuses it.
     */
    @Bean
    @Order(0) // before WebHandlerConfig's, which merges the filters this one looks for
    WebHttpHandlerBuilderCustomizer edgeChains(GatewayProperties properties, CorsConfigurationSource cors,
            ApiKeyFilters apiKeys, ServerWebExchangeFirewall firewall, ServerExchangeRejectedHandler rejected) {
        PathPatterns publicPaths = PathPatterns.of(properties.publicPaths());
        WebFilter corsFilter = new CorsWebFilter(cors);
        List<Lane> lanes = List.of(
                new Lane(request -> carriesNoCredential(request) && publicPaths.test(request), List.of(corsFilter)),
                new Lane(EdgeSecurityConfig::carriesOnlyAnApiKey, List.of(corsFilter, apiKeys.authentication())));
        return builder -> builder.filters(filters -> {
            if (filters.stream().noneMatch(WebFilterChainProxy.class::isInstance)) {
                throw new IllegalStateException("No Spring Security filter chain proxy among " + filters);
            }
            filters.replaceAll(filter -> filter instanceof WebFilterChainProxy proxy
                    ? new EdgeChains(proxy, firewall, rejected, lanes) : filter);
        });
    }

    private static boolean carriesNoCredential(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return !headers.containsHeader(HttpHeaders.AUTHORIZATION) && !headers.containsHeader(ProxiedRequestHeaders.API_KEY);
    }

    private static boolean carriesOnlyAnApiKey(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.containsHeader(ProxiedRequestHeaders.API_KEY) && !headers.containsHeader(HttpHeaders.AUTHORIZATION);
    }

    @Bean
    @Order(2)
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
