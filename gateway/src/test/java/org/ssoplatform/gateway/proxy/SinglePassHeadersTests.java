package org.ssoplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.ssoplatform.gateway.web.ClientAddresses;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;

/**
 * The fused filters must send exactly what Spring Cloud Gateway's own filters and ours, one after
 * the other, would have sent: each case runs both chains on the same exchange.
 */
class SinglePassHeadersTests {

    /** The header filters of the gateway's context with no trusted proxies (Spring Cloud Gateway's default). */
    private static List<HttpHeadersFilter> defaults() {
        return sorted(new RemoveForwardedHeadersFilter(), new RemoveXForwardedHeadersFilter(),
                new TransferEncodingNormalizationHeadersFilter(), new GRPCRequestHeadersFilter(),
                new GRPCResponseHeadersFilter(), new RemoveHopByHopHeadersFilter(), new ProxiedRequestHeaders(new ClientAddresses(new ClientAddresses.TrustedProxies(List.of()))));
    }

    @Test
    void aRequestLosesItsHopByHopForwardingAndKeyHeadersAsWithTheSeparateFilters() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/examples/data")
            .header("Host", "gateway.example")
            .header("connection", "keep-alive, X-Hop-Only")
            .header("Keep-Alive", "timeout=5")
            .header("X-Hop-Only", "dropped")
            .header("Proxy-Authorization", "Basic c2VjcmV0")
            .header("TE", "trailers")
            .header("Upgrade", "h2c")
            .header("Forwarded", "for=203.0.113.7")
            .header("X-Forwarded-For", "203.0.113.7")
            .header("x-forwarded-proto", "https")
            .header("X-Forwardedness", "kept: not an X-Forwarded- header")
            .header("x-api-key", "ssop_live_dropped")
            .header("Accept", "application/json", "text/plain")
            .header("X-Correlation-Id", "abc-123"));
        ProxiedRequestHeaders.relayAuthorization(exchange, "Bearer exchanged.jwt.value");

        HttpHeaders fused = sameAsSeparately(defaults(), exchange, Type.REQUEST);

        assertThat(fused.headerNames()).containsExactlyInAnyOrder("Host", "X-Forwardedness", "Accept",
                "X-Correlation-Id", "Authorization");
        assertThat(fused.get("Accept")).containsExactly("application/json", "text/plain");
        assertThat(fused.getFirst("Authorization")).isEqualTo("Bearer exchanged.jwt.value");
    }

    @Test
    void aGrpcRequestStillAsksForTrailers() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/grpc.Service/Call")
            .header("Content-Type", "application/grpc+proto").header("TE", "trailers"));

        assertThat(sameAsSeparately(defaults(), exchange, Type.REQUEST).get("te")).containsExactly("trailers");
    }

    @Test
    void aChunkedRequestWithAContentLengthIsNormalizedAsBefore() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/examples/upload")
            .header("Transfer-Encoding", "chunked").header("Content-Length", "12"));

        assertThat(sameAsSeparately(defaults(), exchange, Type.REQUEST).headerNames()).isEmpty();
    }

    @Test
    void forwardingHeadersStayWhenTrustedProxiesAreConfigured() {
        // With spring.cloud.gateway.server.webflux.trusted-proxies set, Spring Cloud Gateway has no
        // Remove(X)ForwardedHeadersFilter but an XForwardedHeadersFilter that appends to them.
        List<HttpHeadersFilter> trusted = sorted(new XForwardedHeadersFilter("10\\.0\\.0\\.1"),
                new TransferEncodingNormalizationHeadersFilter(), new GRPCRequestHeadersFilter(),
                new RemoveHopByHopHeadersFilter(), new ProxiedRequestHeaders(new ClientAddresses(new ClientAddresses.TrustedProxies(List.of()))));
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("http://gateway.example/examples/data")
            .remoteAddress(new InetSocketAddress("10.0.0.1", 40000))
            .header("Forwarded", "for=203.0.113.7")
            .header("X-Forwarded-For", "203.0.113.7"));

        HttpHeaders fused = sameAsSeparately(trusted, exchange, Type.REQUEST);

        assertThat(fused.getFirst("Forwarded")).isEqualTo("for=203.0.113.7");
        assertThat(fused.getFirst("X-Forwarded-For")).contains("10.0.0.1"); // as the trusted-proxy filter set it
    }

    @Test
    void aResponseLosesItsHopByHopHeadersAsWithTheSeparateFilters() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/examples/data"));
        HttpHeaders fromBackend = new HttpHeaders();
        fromBackend.add("Connection", "keep-alive, X-Backend-Hop");
        fromBackend.add("Keep-Alive", "timeout=60");
        fromBackend.add("X-Backend-Hop", "dropped");
        fromBackend.add("Proxy-Authenticate", "Basic");
        fromBackend.add("Trailer", "Expires");
        fromBackend.add("Content-Type", "application/json");
        fromBackend.add("Set-Cookie", "a=1");
        fromBackend.add("Set-Cookie", "b=2");

        Map<String, List<String>> separately = normalized(HttpHeadersFilter.filter(defaults(), fromBackend,
                exchange, Type.RESPONSE));
        HttpHeaders fused = HttpHeadersFilter.filter(SinglePassHeaders.fuse(defaults()), fromBackend, exchange,
                Type.RESPONSE);

        assertThat(normalized(fused)).isEqualTo(separately);
        assertThat(fused.headerNames()).containsExactlyInAnyOrder("Content-Type", "Set-Cookie");
        assertThat(fused.get("Set-Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void aReadOnlyResponseIsCopiedWithoutItsHopByHopHeaders() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/examples/data"));
        HttpHeaders fromBackend = new HttpHeaders();
        fromBackend.add("Connection", "keep-alive");
        fromBackend.add("Keep-Alive", "timeout=60");
        fromBackend.add("Content-Type", "application/json");
        HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(fromBackend);

        HttpHeaders fused = HttpHeadersFilter.filter(SinglePassHeaders.fuse(defaults()), readOnly, exchange,
                Type.RESPONSE);

        assertThat(fused.headerNames()).containsExactly("Content-Type");
        assertThat(readOnly.headerNames()).hasSize(3);
    }

    @Test
    void filtersAreLeftAsConfiguredWithoutTheHopByHopFilter() {
        List<HttpHeadersFilter> withoutHopByHop = sorted(new RemoveForwardedHeadersFilter(), new ProxiedRequestHeaders(new ClientAddresses(new ClientAddresses.TrustedProxies(List.of()))));

        assertThat(SinglePassHeaders.fuse(withoutHopByHop)).isSameAs(withoutHopByHop);
    }

    private static HttpHeaders sameAsSeparately(List<HttpHeadersFilter> filters, MockServerWebExchange exchange, Type type) {
        HttpHeaders separately = HttpHeadersFilter.filter(filters, exchange.getRequest().getHeaders(), exchange, type);
        List<HttpHeadersFilter> fused = SinglePassHeaders.fuse(filters);
        HttpHeaders once = HttpHeadersFilter.filter(fused, exchange.getRequest().getHeaders(), exchange, type);
        assertThat(fused).hasSizeLessThan(filters.size());
        assertThat(normalized(once)).isEqualTo(normalized(separately));
        return once;
    }

    /** Header names compare case-insensitively; the values of each name in their order. */
    private static Map<String, List<String>> normalized(HttpHeaders headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> map.put(name, List.copyOf(values)));
        return map;
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static List<HttpHeadersFilter> sorted(HttpHeadersFilter... filters) {
        List<HttpHeadersFilter> list = new ArrayList<>(List.of(filters));
        AnnotationAwareOrderComparator.sort(list);
        return list;
    }
}
