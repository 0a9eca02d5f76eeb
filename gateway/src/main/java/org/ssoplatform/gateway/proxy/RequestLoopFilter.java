package org.ssoplatform.gateway.proxy;

import io.netty.channel.EventLoop;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Proxies each request from the event loop of the connection it came in on. A request goes on in
 * whichever thread finished its last asynchronous step: after a Redis call (the rate limiter's refill)
 * or a token refresh that is Lettuce's or another loop's thread, where the backend connection would
 * come from the pool of no loop and every write would cross between threads
 * ({@link LoopLocalConnectionProvider}). Such a request is moved back to its own loop, one task,
 * before it is sent; every other request goes on where it is.
 */
final class RequestLoopFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 10; // after every filter of ours and of the routes
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        EventLoop loop = loopOf(exchange);
        if (loop == null || loop.inEventLoop()) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.fromExecutor(loop));
    }

    private static EventLoop loopOf(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }
}
