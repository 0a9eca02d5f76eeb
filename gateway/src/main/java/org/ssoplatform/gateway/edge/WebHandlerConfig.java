package org.ssoplatform.gateway.edge;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

/** The server's web filters as one ({@link SequentialWebFilters}). */
@Configuration(proxyBeanMethods = false)
class WebHandlerConfig {

    /** Last: other customizers (the edge's lanes) find and replace single filters of the list. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebHttpHandlerBuilderCustomizer sequentialWebFilters() {
        return builder -> builder.filters(filters -> {
            WebFilter sequence = new SequentialWebFilters(filters);
            filters.clear();
            filters.add(sequence);
        });
    }
}
