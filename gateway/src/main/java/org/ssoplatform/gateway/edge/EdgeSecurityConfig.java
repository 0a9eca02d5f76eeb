package org.ssoplatform.gateway.edge;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.ssoplatform.gateway.apikey.ApiKeyAuthenticator;
import org.ssoplatform.gateway.bearer.BearerAuthenticator;
import org.ssoplatform.gateway.bearer.BearerFailureHandler;
import org.ssoplatform.gateway.edge.EdgeChains.Lane;
import org.ssoplatform.gateway.web.Caller;
import org.ssoplatform.gateway.web.ProblemAccessDeniedHandler;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.Problems;
import org.ssoplatform.contract.Headers;
import reactor.core.publisher.Mono;

/**
 * The gateway's security chains. Stateless: each request authenticates
 * with a bearer JWT or an API key, or goes to a configured public path. Three lanes beside Spring
 * Security's proxy ({@link EdgeChains}), by the {@link Credentials} a request carries: none on a public
 * path (CORS only), only an API key (the key's authentication) and a bearer token the API chain accepted
 * before; and the API chain for all others: both credentials (400), a bearer token not yet verified, or
 * none on a protected path (401). All of them obey one set of
 * {@link AccessRules}. The portal's pages are public paths here: the portal signs people in itself.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

    /**
     * A public path called with no credential needs nothing of the API chain but CORS. Called with a
     * bearer token or an API key, a public path still goes through the API chain or the key's lane: a bad
     * token is refused there and a key never reaches the backend.
     */
    @Bean
    Lane noCredentialLane(AccessRules rules, CorsConfigurationSource cors) {
        WebFilter corsFilter = new CorsWebFilter(cors);
        WebFilter anonymous = (exchange, chain) -> {
            Caller.ANONYMOUS.putOn(exchange);
            return corsFilter.filter(exchange, chain);
        };
        return new Lane(Credentials.NONE, exchange -> rules.openToAnyone(exchange.getRequest()), List.of(anonymous));
    }

    /**
     * A request carrying an API key and no bearer token is decided by the key's own authentication, which
     * answers every key it does not accept itself (malformed or unknown 401, blocked 429, unverifiable
     * 503); an accepted key is an authenticated caller, which the {@link AccessRules} let through on every
     * path, so the API chain's bearer authentication, authorization and exception translation would only
     * cost the request time.
     */
    @Bean
    Lane apiKeyLane(CorsConfigurationSource cors, ApiKeyAuthenticator apiKeys) {
        WebFilter authentication = (exchange, chain) -> apiKeys.authenticate(exchange, chain,
                exchange.getRequest().getHeaders().getFirst(Headers.API_KEY));
        return new Lane(Credentials.API_KEY, exchange -> true, List.of(new CorsWebFilter(cors), authentication));
    }

    /**
     * A bearer token the API chain accepted before and that has not expired is the caller the chain made of
     * it then, which the {@link AccessRules} let through on every path like a key's caller; the chain's
     * authentication, authorization and exception translation would only repeat what it decided (see
     * docs/performance.md#bearer-tokens). A token seen for the first time, changed or expired, and any
     * other {@code Authorization}, goes through the API chain, which verifies it and answers a bad one.
     */
    @Bean
    Lane bearerLane(CorsConfigurationSource cors, BearerAuthenticator bearer) {
        Predicate<ServerWebExchange> accepted = exchange -> {
            Caller caller = bearer.known(exchange.getRequest());
            if (caller == null) {
                return false;
            }
            caller.putOn(exchange);
            return true;
        };
        WebFilter authenticated = (exchange, chain) -> chain
            .filter(exchange.mutate().principal(Mono.just(Caller.of(exchange).principal())).build());
        return new Lane(Credentials.BEARER, accepted, List.of(new CorsWebFilter(cors), authenticated));
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, AccessRules rules,
            ReactiveJwtDecoder jwtDecoder, JwtAuthenticationConverter jwtConverter, Problems problems, ProblemEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied, BearerFailureHandler bearerFailure, CorsConfigurationSource cors) {
        return http
            .authorizeExchange(rules::applyTo)
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder)
                    .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(jwtConverter)))
                .authenticationEntryPoint(entryPoint)
                .authenticationFailureHandler(bearerFailure)
                .accessDeniedHandler(accessDenied))
            .addFilterBefore(new CredentialConflictFilter(problems), SecurityWebFiltersOrder.AUTHENTICATION)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .cors(c -> c.configurationSource(cors))
            .csrf(ServerHttpSecurity.CsrfSpec::disable) // no cookies are read on this chain
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .headers(ServerHttpSecurity.HeaderSpec::disable) // written by SecurityHeaders
            .build();
    }
}
