package org.ssoplatform.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes every filter of every chain, every authentication and authorization:
 * spans for tracing, which the platform does not run. Switching them off here removes the decorators
 * themselves; the {@code management.observations.enable} property only makes them no-ops, still a
 * few percent of a token request's CPU (docs/performance.md). The http.server.requests metrics stay.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
