package org.ssoplatform.gateway.config;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** The edge: health is public; APIs are routed on and protected per route. */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfig {

    @Bean
    SecurityWebFilterChain edgeSecurityFilterChain(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                .matchers(EndpointRequest.to("health", "info")).permitAll()
                .anyExchange().permitAll())
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .build();
    }
}
