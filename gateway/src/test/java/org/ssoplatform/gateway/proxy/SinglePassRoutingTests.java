package org.ssoplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.ssoplatform.gateway.support.SharedGateway;

/** The gateway proxies through one routing filter, whose request headers are copied in one pass. */
class SinglePassRoutingTests extends SharedGateway {

    @Autowired
    private List<GlobalFilter> globalFilters;

    @Test
    void requestsAreProxiedByOneRoutingFilterWithTheFusedHeaderFilters() {
        List<NettyRoutingFilter> routing = globalFilters.stream()
            .filter(NettyRoutingFilter.class::isInstance).map(NettyRoutingFilter.class::cast).toList();
        assertThat(routing).hasSize(1);
        assertThat(globalFilters).filteredOn(NettyWriteResponseFilter.class::isInstance).hasSize(1);

        List<HttpHeadersFilter> headers = routing.get(0).getHeadersFilters();
        assertThat(headers).filteredOn(SinglePassHeaders.class::isInstance).hasSize(2);
        assertThat(headers).noneMatch(RemoveHopByHopHeadersFilter.class::isInstance);
    }
}
