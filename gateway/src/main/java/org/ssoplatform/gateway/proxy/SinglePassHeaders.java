package org.ssoplatform.gateway.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Headers;
import org.ssoplatform.gateway.web.ProxiedRequestHeaders;

/**
 * Spring Cloud Gateway's header filters that only drop headers, and the gateway's own
 * ({@link ProxiedRequestHeaders}), as one filter per direction: a request's headers are copied once, a
 * response's are dropped in place. Each of those filters copies every header into a new map, five copies
 * of a proxied request's headers and one more of its response's (see docs/performance.md#single-pass-headers).
 * Each one's rule applies only where that filter is configured: the hop-by-hop headers of
 * {@link RemoveHopByHopHeadersFilter} (its configured set and those the {@code Connection} header names) both ways; {@code Forwarded} and
 * {@code X-Forwarded-*} while no trusted proxies are configured (the filters that add them for trusted
 * proxies stay as they are); gRPC's {@code te: trailers}; then {@code X-API-Key} and, unless the route
 * opts in, {@code Cookie} out and the gateway's own headers in.
 */
final class SinglePassHeaders implements HttpHeadersFilter {

    private static final String FORWARDED = "Forwarded";

    private static final String X_FORWARDED = "x-forwarded-";

    private static final Set<Class<?>> FUSED = Set.of(RemoveHopByHopHeadersFilter.class,
            RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class, GRPCRequestHeadersFilter.class,
            ProxiedRequestHeaders.class);

    private final Type type;

    private final String[] hopByHop;

    private final boolean dropForwarded;

    private final boolean dropXForwarded;

    private final boolean grpcTrailers;

    private final ProxiedRequestHeaders own;

    private SinglePassHeaders(Type type, List<HttpHeadersFilter> filters, RemoveHopByHopHeadersFilter hopByHop,
            ProxiedRequestHeaders own) {
        this.type = type;
        this.hopByHop = hopByHop.getHeaders().toArray(String[]::new);
        this.dropForwarded = type == Type.REQUEST && contains(filters, RemoveForwardedHeadersFilter.class);
        this.dropXForwarded = type == Type.REQUEST && contains(filters, RemoveXForwardedHeadersFilter.class);
        this.grpcTrailers = type == Type.REQUEST && contains(filters, GRPCRequestHeadersFilter.class);
        this.own = own;
    }

    /**
     * {@code filters} (in their order) without the ones fused here, and with the fused filter of each
     * direction last, where the hop-by-hop filter and ours ran; unchanged if either is missing.
     */
    static List<HttpHeadersFilter> fuse(List<HttpHeadersFilter> filters) {
        RemoveHopByHopHeadersFilter hopByHop = find(filters, RemoveHopByHopHeadersFilter.class);
        ProxiedRequestHeaders own = find(filters, ProxiedRequestHeaders.class);
        if (hopByHop == null || own == null) {
            return filters;
        }
        List<HttpHeadersFilter> fused = new ArrayList<>();
        filters.stream().filter(filter -> !FUSED.contains(filter.getClass())).forEach(fused::add);
        fused.add(new SinglePassHeaders(Type.REQUEST, filters, hopByHop, own));
        fused.add(new SinglePassHeaders(Type.RESPONSE, filters, hopByHop, own));
        return List.copyOf(fused);
    }

    @Override
    public boolean supports(Type type) {
        return this.type == type;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        return this.type == Type.REQUEST ? request(input, exchange) : response(input);
    }

    private HttpHeaders request(HttpHeaders input, ServerWebExchange exchange) {
        List<String> connectionOptions = input.getConnection();
        HttpHeaders output = new HttpHeaders();
        boolean dropCookies = ProxiedRequestHeaders.dropsCookies(exchange);
        input.forEach((name, values) -> {
            if (!hopByHop(name, connectionOptions) && !forwardingOrKey(name)
                    && !(dropCookies && HttpHeaders.COOKIE.equalsIgnoreCase(name))) {
                output.addAll(name, values);
            }
        });
        if (this.grpcTrailers
                && StringUtils.startsWithIgnoreCase(input.getFirst(HttpHeaders.CONTENT_TYPE), "application/grpc")) {
            output.add("te", "trailers");
        }
        this.own.writeOwn(output, exchange);
        return output;
    }

    /**
     * The routing filter hands over its own copy of the backend's headers, so they are dropped from it
     * in place (a copy cost as much as the rest of the response's header handling); a read-only input,
     * which a filter before this one could return, is copied.
     */
    private HttpHeaders response(HttpHeaders input) {
        List<String> connectionOptions = input.getConnection();
        try {
            for (String header : this.hopByHop) {
                input.remove(header);
            }
            connectionOptions.forEach(input::remove);
            return input;
        }
        catch (UnsupportedOperationException readOnly) {
            HttpHeaders output = new HttpHeaders();
            input.forEach((name, values) -> {
                if (!hopByHop(name, connectionOptions)) {
                    output.addAll(name, values);
                }
            });
            return output;
        }
    }

    private boolean hopByHop(String name, List<String> connectionOptions) {
        for (String header : this.hopByHop) {
            if (header.equalsIgnoreCase(name)) {
                return true;
            }
        }
        for (String option : connectionOptions) {
            if (option.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean forwardingOrKey(String name) {
        return Headers.API_KEY.equalsIgnoreCase(name)
                || this.dropForwarded && FORWARDED.equalsIgnoreCase(name)
                || this.dropXForwarded && name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length());
    }

    private static boolean contains(List<HttpHeadersFilter> filters, Class<?> type) {
        return find(filters, type) != null;
    }

    @SuppressWarnings("unchecked")
    private static <T> T find(List<HttpHeadersFilter> filters, Class<T> type) {
        return (T) filters.stream().filter(filter -> filter.getClass() == type).findFirst().orElse(null);
    }
}
