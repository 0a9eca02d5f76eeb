package org.ssoplatform.auth.throttle;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.ssoplatform.auth.shared.RedisNamespace;

@Configuration(proxyBeanMethods = false)
class ThrottleConfig {

    @Bean
    ClientAddresses clientAddresses(ThrottleProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    /** Ahead of Spring Session's filter: a refused request creates no session. */
    @Bean
    FilterRegistrationBean<AnonymousThrottleFilter> anonymousThrottleFilter(ThrottleProperties properties,
            ClientAddresses addresses, StringRedisTemplate redis, RedisNamespace namespace) {
        FilterRegistrationBean<AnonymousThrottleFilter> registration = new FilterRegistrationBean<>(
                new AnonymousThrottleFilter(properties, addresses, new WindowCounter(redis, namespace)));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 2);
        return registration;
    }
}
