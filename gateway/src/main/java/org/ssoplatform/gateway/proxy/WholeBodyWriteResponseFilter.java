package org.ssoplatform.gateway.proxy;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TrailerHeadersFilter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;

/**
 * Writes a backend's answer to the caller as Spring Cloud Gateway's {@link NettyWriteResponseFilter}
 * does, except that an answer of known length up to {@link #WHOLE_BODY_LIMIT} is read whole first.
 * Reactor Netty sends a body it gets whole together with the status line and the headers, in one
 * write; a streamed body goes out after the headers have been flushed on their own, one more system
 * call per request, through two more Reactor operators (see docs/performance.md#whole-body-responses). A body
 * that never arrives whole fails before anything is sent, so the caller gets a problem (502), not a truncated answer.
 * Chunked answers, streaming media types and larger bodies are streamed as they arrive.
 */
final class WholeBodyWriteResponseFilter extends NettyWriteResponseFilter {

    /** The largest answer held whole before it is sent: larger ones stream, bounding what a request holds. */
    static final int WHOLE_BODY_LIMIT = 16 * 1024;

    private final List<MediaType> streamingMediaTypes;

    WholeBodyWriteResponseFilter(List<MediaType> streamingMediaTypes,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        super(streamingMediaTypes, headersFilters);
        this.streamingMediaTypes = streamingMediaTypes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).then(Mono.defer(() -> write(exchange))).doFinally(signal -> {
            if (signal == SignalType.CANCEL || signal == SignalType.ON_ERROR) {
                disposeConnection(exchange);
            }
        });
    }

    private Mono<Void> write(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection == null) {
            return Mono.empty();
        }
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) { // a filter answered already: the backend's body goes nowhere
            disposeConnection(exchange);
            return Mono.empty();
        }
        Flux<DataBuffer> body = connection.inbound().receive().retain().map(buffer -> wrap(buffer, response));
        HttpClientResponse backendResponse = exchange.getAttribute(CLIENT_RESPONSE_ATTR);
        Mono<Void> written;
        if (isStreaming(response)) {
            written = response.writeAndFlushWith(body.map(Flux::just));
        }
        else if (isSmall(response)) {
            written = response.writeWith(DataBufferUtils.join(body, WHOLE_BODY_LIMIT))
                .doOnError(ex -> dropHeadersOf(backendResponse, response));
        }
        else {
            written = response.writeWith(body);
        }
        return written.then(TrailerHeadersFilter.filter(getHeadersFilters(), exchange, backendResponse)).then();
    }

    private boolean isStreaming(ServerHttpResponse response) {
        MediaType type = contentType(response);
        if (type != null) {
            for (MediaType streaming : this.streamingMediaTypes) {
                if (streaming.isCompatibleWith(type)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSmall(ServerHttpResponse response) {
        long length = response.getHeaders().getContentLength();
        return length >= 0 && length <= WHOLE_BODY_LIMIT;
    }

    /** The answer is to be a problem, with the gateway's own headers but none of the backend's. */
    private static void dropHeadersOf(HttpClientResponse backendResponse, ServerHttpResponse response) {
        if (backendResponse != null && !response.isCommitted()) { // committed: the caller went away mid-write
            backendResponse.responseHeaders().names().forEach(response.getHeaders()::remove);
        }
    }

    private static MediaType contentType(ServerHttpResponse response) {
        try {
            return response.getHeaders().getContentType();
        }
        catch (InvalidMediaTypeException ex) { // relayed as it is, and not a type that streams
            return null;
        }
    }

    private static void disposeConnection(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
    }
}
