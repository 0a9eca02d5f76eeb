package org.ssoplatform.gateway.edge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes every filter of every chain, every authentication and authorization:
 * spans for tracing, which the platform does not run. Switching them off here removes the decorators
 * themselves; the {@code management.observations.enable} property only makes them no-ops, which still
 * cost every request (see docs/performance.md#observations-and-metrics). Spring Cloud Gateway's per-route metrics stay.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservationConfig {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
