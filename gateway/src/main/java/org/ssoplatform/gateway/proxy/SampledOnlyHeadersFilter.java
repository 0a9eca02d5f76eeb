package org.ssoplatform.gateway.proxy;

import java.util.List;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedRequestHttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.observation.ObservedResponseHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.gateway.tracing.HeadSampling;

/**
 * Spring Cloud Gateway's observed header filters, run only for a sampled request: for an unsampled one
 * their observation is a no-op ({@link HeadSampling}) and {@code web.ProxiedRequestHeaders} sends its
 * {@code traceparent}, yet they still copied every header and looked up the observation on each request
 * (see docs/performance.md#observations-and-metrics).
 */
final class SampledOnlyHeadersFilter implements HttpHeadersFilter {

    private final HttpHeadersFilter observed;

    private SampledOnlyHeadersFilter(HttpHeadersFilter observed) {
        this.observed = observed;
    }

    /** {@code filters} in their order, each observed header filter among them run for sampled requests only. */
    static List<HttpHeadersFilter> wrap(List<HttpHeadersFilter> filters) {
        return filters.stream()
            .map(filter -> filter instanceof ObservedRequestHttpHeadersFilter
                    || filter instanceof ObservedResponseHttpHeadersFilter ? new SampledOnlyHeadersFilter(filter) : filter)
            .toList();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return HeadSampling.unsampledTraceId(exchange) != null ? input : this.observed.filter(input, exchange);
    }

    @Override
    public boolean supports(Type type) {
        return this.observed.supports(type);
    }
}
