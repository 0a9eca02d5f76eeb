package org.ssoplatform.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.ssoplatform.resourceserver.PlatformJwtAuthenticationConverter;
import org.ssoplatform.resourceserver.servlet.PlatformAccessDeniedHandler;
import org.ssoplatform.resourceserver.servlet.PlatformAuthenticationEntryPoint;

/**
 * The management API ({@code /api/v1/**}): stateless, bearer JWTs of this server, mapped to
 * authorities and answered with problem+json by the platform's resource-server library.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
            PlatformJwtAuthenticationConverter converter) throws Exception {
        PlatformAuthenticationEntryPoint entryPoint = new PlatformAuthenticationEntryPoint();
        PlatformAccessDeniedHandler accessDenied = new PlatformAccessDeniedHandler();
        http.securityMatcher("/api/v1/**")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/v1/auth/**").permitAll()
                .anyRequest().authenticated())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied)
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)));
        return http.build();
    }
}
