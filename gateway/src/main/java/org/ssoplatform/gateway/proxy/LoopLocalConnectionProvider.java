package org.ssoplatform.gateway.proxy;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.TransportConfig;

/**
 * Backend connections pooled per event loop, as Envoy's and nginx's workers own theirs. Reactor Netty
 * keeps one pool per backend: a proxied request arriving on one event loop is often handed an idle
 * connection of another, and then its request and its response each cross between the two threads
 * (a queued task and an eventfd wake-up each way). Here a request made on an event loop borrows only
 * from that loop's pool, whose connections were all opened on it (Reactor Netty opens a connection on
 * the calling loop when the loops are shared), so a proxied exchange stays on one thread. Requests made
 * off any event loop use a pool of their own. The pool settings apply to each pool.
 */
final class LoopLocalConnectionProvider implements ConnectionProvider {

    private final ConnectionProvider offLoop;

    private final Map<EventExecutor, ConnectionProvider> perLoop = new ConcurrentHashMap<>();

    /** @param template the pool's settings; it serves the requests made off any event loop */
    LoopLocalConnectionProvider(ConnectionProvider template) {
        this.offLoop = template;
    }

    @Override
    public Mono<? extends Connection> acquire(TransportConfig config, ConnectionObserver observer,
            Supplier<? extends SocketAddress> remoteAddress, AddressResolverGroup<?> resolverGroup) {
        EventExecutor loop = currentLoop(config);
        ConnectionProvider pool = loop == null ? this.offLoop : this.perLoop.computeIfAbsent(loop, this::newPool);
        return pool.acquire(config, observer, remoteAddress, resolverGroup);
    }

    /** The loop of the client's own group running this thread, where Reactor Netty would open a connection. */
    private static EventExecutor currentLoop(TransportConfig config) {
        for (EventExecutor loop : config.loopResources().onClient(config.isPreferNative())) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return null;
    }

    private ConnectionProvider newPool(EventExecutor loop) {
        return this.offLoop.mutate().name(this.offLoop.name() + "-loop-" + this.perLoop.size()).build();
    }

    @Override
    public void disposeWhen(SocketAddress address) {
        this.offLoop.disposeWhen(address);
        this.perLoop.values().forEach(pool -> pool.disposeWhen(address));
    }

    @Override
    public Mono<Void> disposeLater() {
        return Flux.fromIterable(this.perLoop.values()).concatWithValues(this.offLoop)
            .flatMap(ConnectionProvider::disposeLater)
            .then();
    }

    @Override
    public boolean isDisposed() {
        return this.offLoop.isDisposed();
    }

    @Override
    public int maxConnections() {
        return this.offLoop.maxConnections();
    }

    @Override
    public Map<SocketAddress, Integer> maxConnectionsPerHost() {
        return this.offLoop.maxConnectionsPerHost();
    }

    @Override
    public String name() {
        return this.offLoop.name();
    }
}
