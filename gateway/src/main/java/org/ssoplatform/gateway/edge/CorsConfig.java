package org.ssoplatform.gateway.edge;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.ssoplatform.gateway.config.GatewayProperties;
import org.ssoplatform.contract.Headers;

/**
 * CORS for browsers calling the APIs from the allowed origins only
 * ({@code platform.gateway.cors-allowed-origins}); both security chains use it, so pre-flights are
 * answered before authentication.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", Headers.API_KEY, Headers.CORRELATION_ID,
                "X-XSRF-TOKEN"));
        cors.setExposedHeaders(List.of(Headers.CORRELATION_ID, "Retry-After", Headers.RATE_LIMIT_LIMIT,
                Headers.RATE_LIMIT_REMAINING, Headers.RATE_LIMIT_RESET, "WWW-Authenticate", "Location"));
        cors.setAllowCredentials(true); // browsers on an allowed origin may send their cookies
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
