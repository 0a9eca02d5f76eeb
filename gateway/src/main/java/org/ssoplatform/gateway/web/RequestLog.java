package org.ssoplatform.gateway.web;

import java.util.function.Function;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.server.ServerWebExchange;
import org.ssoplatform.contract.Headers;
import org.ssoplatform.gateway.tracing.HeadSampling;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * A line the gateway writes for a request, named by the request's trace and correlation ids under the keys
 * the other apps' lines have them ({@code traceId}, {@code spanId} as Micrometer Tracing puts them in the MDC,
 * {@code X-Correlation-Id} as their baggage field), so that the JSON formats (LOG_FORMAT) show them alike.
 * The gateway opens no observation scope on its threads (and none at all for an unsampled request,
 * {@link HeadSampling}), so its MDC is empty while it handles a request; the ids are written here, around the
 * one call, rather than into the MDC of every request (see docs/performance.md#observations-and-metrics).
 * The request is the exchange or, inside a Reactor operator, the context {@link #carrying} gave the few
 * calls that can log for it (a cache miss, a rate-limit refill): writing it into every request's context
 * would cost the requests that never log (see docs/performance.md#api-key-cache-tiers).
 */
public final class RequestLog {

    static final String TRACE_ID = "traceId";

    static final String SPAN_ID = "spanId";

    static final String CORRELATION_ID = Headers.CORRELATION_ID;

    private RequestLog() {
    }

    /** For {@code contextWrite}: the calls made for {@code exchange} upstream of it can log with its ids. */
    public static Function<Context, Context> carrying(ServerWebExchange exchange) {
        return context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange);
    }

    /** Logs at {@code level} with the ids of the request of the Reactor {@code context}, if it has one. */
    public static void log(Logger log, Level level, ContextView context, String format, Object... arguments) {
        if (log.isEnabledForLevel(level)) {
            log(log, level, ServerWebExchangeContextFilter.getExchange(context).orElse(null), format, arguments);
        }
    }

    /**
     * Logs at {@code level} with the request's ids in the MDC for this call only, so that the text pattern's
     * trace ids show them as well; an id a scope of the thread already put there stays.
     */
    public static void log(Logger log, Level level, ServerWebExchange exchange, String format, Object... arguments) {
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        if (exchange == null) {
            log.atLevel(level).log(format, arguments);
            return;
        }
        String[] previous = { MDC.get(TRACE_ID), MDC.get(SPAN_ID), MDC.get(CORRELATION_ID) };
        boolean traced = previous[0] == null && putTrace(exchange);
        String correlationId = previous[2] == null ? CorrelationIdFilter.of(exchange) : null;
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        try {
            log.atLevel(level).log(format, arguments);
        }
        finally {
            if (traced) {
                MDC.remove(TRACE_ID);
                restore(SPAN_ID, previous[1]);
            }
            if (correlationId != null) {
                MDC.remove(CORRELATION_ID);
            }
        }
    }

    /**
     * The ids as key-value pairs of one event, for the access log's line on every request: the MDC is left
     * alone, and a key it already holds is not added twice (the ECS format refuses a duplicate name).
     */
    static LoggingEventBuilder withIds(LoggingEventBuilder event, String traceId, String spanId, String correlationId) {
        if (traceId != null && MDC.get(TRACE_ID) == null) {
            event.addKeyValue(TRACE_ID, traceId);
            if (spanId != null && MDC.get(SPAN_ID) == null) {
                event.addKeyValue(SPAN_ID, spanId);
            }
        }
        if (correlationId != null && MDC.get(CORRELATION_ID) == null) {
            event.addKeyValue(CORRELATION_ID, correlationId);
        }
        return event;
    }

    private static boolean putTrace(ServerWebExchange exchange) {
        Span span = span(exchange);
        String traceId = traceId(exchange, span);
        if (traceId == null) {
            return false;
        }
        MDC.put(TRACE_ID, traceId);
        String spanId = spanId(exchange, span);
        if (spanId != null) {
            MDC.put(SPAN_ID, spanId);
        }
        return true;
    }

    /** The request's trace id: its server span's if sampled ({@link #span}), else the unsampled trace's, else null. */
    static String traceId(ServerWebExchange exchange, Span span) {
        return span != null ? span.context().traceId() : HeadSampling.unsampledTraceId(exchange);
    }

    /** The gateway's span id in the request's trace: its server span's, else the one it sent on unsampled. */
    static String spanId(ServerWebExchange exchange, Span span) {
        return span != null ? span.context().spanId() : HeadSampling.unsampledSpanId(exchange);
    }

    private static void restore(String key, String previous) {
        if (previous != null) {
            MDC.put(key, previous);
        }
        else {
            MDC.remove(key);
        }
    }

    /** The server span of a sampled request, or null. */
    static Span span(ServerWebExchange exchange) {
        ServerRequestObservationContext observed = exchange
            .getAttribute(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
        TracingContext tracing = observed != null ? observed.get(TracingContext.class) : null;
        return tracing != null ? tracing.getSpan() : null;
    }
}
