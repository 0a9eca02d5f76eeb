package org.ssoplatform.gateway.edge;

import java.util.List;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.WebFilter;
import org.ssoplatform.gateway.edge.EdgeChains.Lane;

/**
 * The request pipeline, assembled in one place (the stages, in order: package-info): the server's web
 * filters in their order, with Spring Security's filter chain proxy behind the edge's lanes
 * ({@link EdgeChains}), run as one filter ({@link SequentialWebFilters}).
 */
@Configuration(proxyBeanMethods = false)
class WebHandlerConfig {

    /** Last, so that the pipeline is made of the filters as every other customizer left them. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebHttpHandlerBuilderCustomizer edgePipeline(List<Lane> lanes, ServerWebExchangeFirewall firewall,
            ServerExchangeRejectedHandler rejected) {
        return builder -> builder.filters(filters -> {
            if (filters.stream().noneMatch(WebFilterChainProxy.class::isInstance)) {
                throw new IllegalStateException("No Spring Security filter chain proxy among " + filters);
            }
            List<WebFilter> stages = filters.stream()
                .map(filter -> filter instanceof WebFilterChainProxy proxy
                        ? new EdgeChains(proxy, firewall, rejected, lanes) : filter)
                .toList();
            filters.clear();
            filters.add(new SequentialWebFilters(stages));
        });
    }
}
