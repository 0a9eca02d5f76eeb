package org.ssoplatform.gateway.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.ssoplatform.gateway.apikey.ApiKeyFilters;
import org.ssoplatform.gateway.bearer.BearerFailureHandler;
import org.ssoplatform.gateway.web.ProblemAccessDeniedHandler;
import org.ssoplatform.gateway.web.ProblemEntryPoint;

/**
 * The API chain: everything the portal chain does not take. Stateless: each request authenticates
 * with a bearer JWT or an API key, or goes to a configured public path. Credentials are checked in
 * this order: both present (400), bearer JWT, API key.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

    @Bean
    @Order(2)
    SecurityWebFilterChain apiSecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties,
            ReactiveJwtDecoder jwtDecoder, ApiKeyFilters apiKeys, ProblemEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied, BearerFailureHandler bearerFailure, CorsConfigurationSource cors) {
        return http
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                .anyExchange().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                .authenticationEntryPoint(entryPoint)
                .authenticationFailureHandler(bearerFailure)
                .accessDeniedHandler(accessDenied))
            .addFilterBefore(apiKeys.conflictCheck(), SecurityWebFiltersOrder.AUTHENTICATION)
            .addFilterAfter(apiKeys.authentication(), SecurityWebFiltersOrder.AUTHENTICATION)
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
