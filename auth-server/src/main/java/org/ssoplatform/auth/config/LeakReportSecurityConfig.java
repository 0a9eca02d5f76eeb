package org.ssoplatform.auth.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * GitHub's leak reports ({@code POST /api/v1/api-keys/leaks}): a machine with no token or session, so no
 * bearer check and no CSRF; the controller verifies GitHub's signature over the body instead. Ahead of the
 * management API's chain, which would demand a JWT.
 */
@Configuration(proxyBeanMethods = false)
class LeakReportSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain leakReportSecurityFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/api-keys/leaks"))
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
