package org.ssoplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** Real Reactor Netty client and server, on the event loops Spring Boot's server and the gateway share. */
class LoopLocalConnectionProviderTests {

    private DisposableServer backend;

    private ConnectionProvider connections;

    private HttpClient client;

    @BeforeEach
    void start() {
        backend = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> response.sendString(Mono.just("ok")))
            .bindNow();
        connections = new LoopLocalConnectionProvider(ConnectionProvider.create("test", 16));
        client = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + backend.port());
    }

    @AfterEach
    void stop() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        backend.disposeNow();
    }

    @Test
    void aRequestMadeOnAnEventLoopUsesAConnectionOfThatLoopAndKeepsReusingIt() {
        List<EventExecutor> loops = new ArrayList<>();
        HttpResources.get().onClient(LoopResources.DEFAULT_NATIVE).forEach(loops::add); // the client's transport
        assertThat(loops).hasSizeGreaterThan(1);
        List<Channel> first = new ArrayList<>();
        for (EventExecutor loop : loops) { // one after the other: an idle connection of the previous loop is at hand
            Channel used = requestFrom(loop);
            assertThat(used.eventLoop()).isSameAs(loop);
            first.add(used);
        }
        for (int i = 0; i < loops.size(); i++) {
            assertThat(requestFrom(loops.get(i))).isSameAs(first.get(i));
        }
    }

    @Test
    void aRequestMadeOffAnyEventLoopIsServed() {
        String body = client.get().uri("/").responseContent().aggregate().asString().block(Duration.ofSeconds(5));
        assertThat(body).isEqualTo("ok");
    }

    private Channel requestFrom(EventExecutor loop) {
        CompletableFuture<Channel> used = new CompletableFuture<>();
        loop.execute(() -> client.get().uri("/")
            .responseConnection((response, connection) -> connection.inbound().receive().then(Mono.just(connection.channel())))
            .next()
            .subscribe(used::complete, used::completeExceptionally));
        return used.orTimeout(5, TimeUnit.SECONDS).join();
    }
}
