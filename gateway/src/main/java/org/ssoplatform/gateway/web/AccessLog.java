package org.ssoplatform.gateway.web;

import java.security.Principal;
import java.time.Duration;

import io.micrometer.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request on the logger {@code org.ssoplatform.gateway.access}: method, path, route, status,
 * duration, the caller ({@code sub:<subject>} or {@code key:<api key id>}), correlation and trace ids, as
 * key-value pairs that the JSON formats (LOG_FORMAT) turn into fields, the ids under the names of every
 * other line ({@link RequestLog}). Never a token, a key or a cookie:
 * the caller is named by what the gateway verified, not by what it was sent. Off with
 * {@code platform.gateway.access-log=false} or the logger's level above INFO. On the console its lines are
 * written in batches at least every {@code platform.gateway.access-log-flush-interval} (1 s; 0 writes each
 * line at once), see {@link BatchedConsoleAppender}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class AccessLog implements WebFilter, DisposableBean {

    private static final String LOGGER = "org.ssoplatform.gateway.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private static final String CALLER = AccessLog.class.getName() + ".caller";

    private final boolean enabled;

    private final BatchedConsoleAppender console;

    AccessLog(@Value("${platform.gateway.access-log:true}") boolean enabled,
            @Value("${platform.gateway.access-log-flush-interval:1s}") Duration flushInterval) {
        this.enabled = enabled;
        this.console = enabled && flushInterval.toMillis() > 0 ? BatchedConsoleAppender.attach(LOGGER, flushInterval) : null;
    }

    @Override
    public void destroy() {
        if (this.console != null) {
            this.console.detach(LOGGER);
        }
    }

    /** The verified caller of a request whose principal the chains decided, for its access-log line. */
    public static void caller(ServerWebExchange exchange, Principal principal) {
        exchange.getAttributes().put(CALLER, principal);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> write(exchange, (System.nanoTime() - start) / 1_000_000));
    }

    private static void write(ServerWebExchange exchange, long millis) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        String routeId = route != null ? route.getId() : "-";
        int code = status != null ? status.value() : 0;
        String caller = caller(exchange);
        String correlationId = CorrelationIdFilter.of(exchange);
        Span span = RequestLog.span(exchange);
        String traceId = RequestLog.traceId(exchange, span);
        LoggingEventBuilder line = log.atInfo()
            .addKeyValue("http.request.method", method)
            .addKeyValue("url.path", path)
            .addKeyValue("route", routeId)
            .addKeyValue("http.response.status_code", code)
            .addKeyValue("event.duration_ms", millis)
            .addKeyValue("caller", caller);
        RequestLog.withIds(line, traceId, RequestLog.spanId(exchange, span), correlationId)
            .log("{} {} route={} status={} duration_ms={} caller={} correlation_id={} trace_id={}", method, path,
                    routeId, code, millis, caller, correlationId, traceId != null ? traceId : "-");
    }

    private static String caller(ServerWebExchange exchange) {
        Caller lane = Caller.of(exchange);
        Principal principal = lane != null ? lane.principal() : exchange.getAttribute(CALLER);
        if (principal == null) {
            return "-";
        }
        if (principal instanceof JwtAuthenticationToken jwt) {
            Object keyId = jwt.getTokenAttributes().get("api_key_id");
            return keyId != null ? "key:" + keyId : "sub:" + jwt.getName();
        }
        return "sub:" + principal.getName();
    }
}
