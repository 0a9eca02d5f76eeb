package org.ssoplatform.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/** A real Reactor Netty server with Spring's adapter, as under the gateway. */
class RequestLoopFilterTests {

    private final RequestLoopFilter filter = new RequestLoopFilter();

    private DisposableServer server;

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @Test
    void aRequestResumedOnAnotherThreadIsSentFromItsOwnEventLoop() {
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        AtomicReference<Thread> resumedOn = new AtomicReference<>();
        AtomicReference<Thread> sentFrom = new AtomicReference<>();
        serve(exchange -> {
            handledOn.set(Thread.currentThread()); // the loop of the request's connection
            return Mono.delay(Duration.ofMillis(1), Schedulers.boundedElastic()) // as after a Redis call
                .then(Mono.defer(() -> {
                    resumedOn.set(Thread.currentThread());
                    return filter.filter(exchange, routed -> {
                        sentFrom.set(Thread.currentThread());
                        return Mono.empty();
                    });
                }));
        });
        request();
        assertThat(resumedOn.get()).isNotSameAs(handledOn.get());
        assertThat(sentFrom.get()).isSameAs(handledOn.get());
    }

    @Test
    void aRequestStillOnItsEventLoopGoesOnWithoutATask() {
        AtomicReference<Thread> handledOn = new AtomicReference<>();
        AtomicReference<Thread> sentFrom = new AtomicReference<>();
        serve(exchange -> {
            handledOn.set(Thread.currentThread());
            return filter.filter(exchange, routed -> {
                sentFrom.set(Thread.currentThread());
                return Mono.empty();
            });
        });
        request();
        assertThat(sentFrom.get()).isSameAs(handledOn.get());
    }

    private void serve(WebHandler handler) {
        HttpHandler http = WebHttpHandlerBuilder.webHandler(handler).build();
        server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(http)).bindNow();
    }

    private void request() {
        Integer status = HttpClient.create().get().uri("http://127.0.0.1:" + server.port() + "/")
            .responseSingle((response, body) -> Mono.just(response.status().code()))
            .block(Duration.ofSeconds(5));
        assertThat(status).isEqualTo(200);
    }
}
