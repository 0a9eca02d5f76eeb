package org.ssoplatform.gateway.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * The sampling decision, taken before a request is observed rather than by the tracer once it is: a caller's
 * {@code traceparent} decides by its sampled flag, a request without one is sampled with the configured
 * probability. Only a sampled request gets the server's and Spring Cloud Gateway's observations (span,
 * scopes, baggage, MDC); an unsampled one, nine in ten by default, gets none, which cost more than the rest
 * of the tracing and metrics together (see docs/performance.md#observations-and-metrics), and instead
 * carries the trace on as W3C defines for an unsampled trace: its trace id (the caller's, else a new one)
 * and a span id of the gateway's in {@code traceparent} with flags {@code 00}, to the backend
 * ({@code web.ProxiedRequestHeaders}) and to the token exchange (from the exchange that
 * {@code web.RequestLog#carrying} puts in the calls' Reactor context), and its trace and span ids in the gateway's
 * log lines ({@code web.RequestLog}).
 */
public final class HeadSampling implements ObservationPredicate {

    public static final String TRACEPARENT = "traceparent";

    private static final HexFormat HEX = HexFormat.of();

    private final double probability;

    HeadSampling(double probability) {
        this.probability = probability;
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof ServerRequestObservationContext server) {
            return sampled(server);
        }
        if (context instanceof GatewayContext proxied) {
            return unsampled(proxied.getServerWebExchange()) == null;
        }
        if (context instanceof ClientRequestObservationContext client && client.getCarrier() != null) {
            boolean[] unsampled = { false };
            client.getCarrier().headers(headers -> unsampled[0] = unsampled(headers));
            return !unsampled[0];
        }
        return true;
    }

    /** The {@code traceparent} to send on for an unsampled request, or null for a sampled one (its observations send theirs). */
    public static String unsampledTraceparent(ServerWebExchange exchange) {
        Unsampled trace = unsampled(exchange);
        return trace != null ? trace.traceparent() : null;
    }

    /** The {@code traceparent} a call made for an unsampled request sends, from its Reactor context, or null. */
    public static String unsampledTraceparent(ContextView context) {
        ServerWebExchange exchange = ServerWebExchangeContextFilter.getExchange(context).orElse(null);
        return exchange != null ? unsampledTraceparent(exchange) : null;
    }

    /** The trace id of an unsampled request, or null. */
    public static String unsampledTraceId(ServerWebExchange exchange) {
        Unsampled trace = unsampled(exchange);
        return trace != null ? trace.traceId() : null;
    }

    /** The span id an unsampled request was passed on under, or null. */
    public static String unsampledSpanId(ServerWebExchange exchange) {
        Unsampled trace = unsampled(exchange);
        return trace != null ? trace.spanId() : null;
    }

    /** The decision for a request, kept in its server observation's context, which outlives the unstarted observation. */
    private boolean sampled(ServerRequestObservationContext server) {
        String traceparent = server.getCarrier().getHeaders().getFirst(TRACEPARENT);
        String traceId = traceId(traceparent);
        boolean sampled = traceId != null ? (flags(traceparent) & 1) == 1
                : this.probability > 0 && ThreadLocalRandom.current().nextDouble() < this.probability;
        if (!sampled) {
            server.put(Unsampled.class, new Unsampled(traceId != null ? traceId : newId(16), newId(8)));
        }
        return sampled;
    }

    private static Unsampled unsampled(ServerWebExchange exchange) {
        ServerRequestObservationContext server = exchange
            .getAttribute(ServerRequestObservationContext.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE);
        return server != null ? server.get(Unsampled.class) : null;
    }

    /** An outgoing call this class already gave an unsampled trace. */
    private static boolean unsampled(HttpHeaders headers) {
        String traceparent = headers.getFirst(TRACEPARENT);
        return traceId(traceparent) != null && (flags(traceparent) & 1) == 0;
    }

    /** The trace id of a well-formed version-00 {@code traceparent} (W3C Trace Context §3.2), else null. */
    static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
                || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return null;
        }
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        if (!lowerHex(traceId) || !lowerHex(spanId) || !lowerHex(traceparent.substring(53))
                || traceId.equals("0".repeat(32)) || spanId.equals("0".repeat(16))) {
            return null;
        }
        return traceId;
    }

    private static int flags(String traceparent) {
        return Integer.parseInt(traceparent.substring(53), 16);
    }

    private static boolean lowerHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A random id of {@code bytes} bytes, never all zeros (invalid in W3C Trace Context). */
    private static String newId(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[bytes - 1] |= 1;
        return HEX.formatHex(id);
    }

    private record Unsampled(String traceId, String spanId) {

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-00";
        }
    }
}
