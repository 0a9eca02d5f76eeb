package org.ssoplatform.gateway.proxy;

import java.util.List;

import io.netty.channel.ChannelOption;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientFactory;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.config.HttpClientSslConfigurer;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Spring Cloud Gateway's HTTP client to the backends, built from its own properties
 * ({@code spring.cloud.gateway.server.webflux.httpclient.*}) as it builds it, with the timeouts of
 * {@link BackendProperties}, and with its connection pool
 * split per event loop ({@link LoopLocalConnectionProvider}), and each request sent from its own loop
 * ({@link RequestLoopFilter}). Spring Cloud Gateway's two routing filters are declared here: the one
 * that proxies copies the headers in one pass ({@link SinglePassHeaders}), the one that answers writes
 * a small body whole ({@link WholeBodyWriteResponseFilter}); theirs are off
 * ({@code spring.cloud.gateway.server.webflux.global-filter.netty-routing.enabled: false}).
 */
@Configuration(proxyBeanMethods = false)
class ProxyClientConfig {

    @Bean
    HttpClientFactory gatewayHttpClientFactory(HttpClientProperties properties, ServerProperties server,
            List<HttpClientCustomizer> customizers, HttpClientSslConfigurer ssl, BackendProperties backend) {
        return new LoopLocalHttpClientFactory(properties, server, ssl, customizers, backend);
    }

    @Bean
    NettyRoutingFilter singlePassRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        return new SinglePassRoutingFilter(httpClient, headersFilters, properties);
    }

    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(GatewayProperties properties,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new WholeBodyWriteResponseFilter(properties.getStreamingMediaTypes(), headersFilters);
    }

    @Bean
    RequestLoopFilter requestLoopFilter() {
        return new RequestLoopFilter();
    }

    private static final class LoopLocalHttpClientFactory extends HttpClientFactory {

        private final BackendProperties backend;

        LoopLocalHttpClientFactory(HttpClientProperties properties, ServerProperties server, HttpClientSslConfigurer ssl,
                List<HttpClientCustomizer> customizers, BackendProperties backend) {
            super(properties, server, ssl, customizers);
            this.backend = backend;
        }

        @Override
        protected HttpClient createInstance() {
            return super.createInstance()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(backend.connectTimeout().toMillis()))
                .responseTimeout(backend.responseTimeout());
        }

        @Override
        protected ConnectionProvider buildConnectionProvider(HttpClientProperties properties) {
            ConnectionProvider pool = super.buildConnectionProvider(properties);
            // With pooling disabled every request opens its own connection, on the calling loop already.
            return properties.getPool().getType() == HttpClientProperties.Pool.PoolType.DISABLED ? pool
                    : new LoopLocalConnectionProvider(pool);
        }
    }

    private static final class SinglePassRoutingFilter extends NettyRoutingFilter {

        private volatile List<HttpHeadersFilter> fused;

        SinglePassRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                HttpClientProperties properties) {
            super(httpClient, headersFilters, properties);
        }

        @Override
        public List<HttpHeadersFilter> getHeadersFilters() {
            List<HttpHeadersFilter> filters = this.fused;
            if (filters == null) {
                List<HttpHeadersFilter> configured = super.getHeadersFilters();
                filters = configured == null ? List.of()
                        : SampledOnlyHeadersFilter.wrap(SinglePassHeaders.fuse(configured));
                this.fused = filters;
            }
            return filters;
        }
    }
}
