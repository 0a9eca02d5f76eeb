package org.ssoplatform.gateway.edge;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link CheckOnceFirewall} relies on when it leaves out the strict firewall's check of outgoing
 * headers: on the server Spring Boot builds for the gateway, a response header value with CR or LF
 * cannot be set at all, so no such header is ever sent.
 */
class ResponseHeaderValidationTests {

    @Test
    void aResponseHeaderWithALineBreakIsRefusedAsItIsSet() {
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        HttpHandler handler = (request, response) -> {
            try {
                response.getHeaders().set("X-Injected", "a\r\nSet-Cookie: session=stolen");
            }
            catch (IllegalArgumentException ex) {
                refused.set(ex);
            }
            return response.setComplete();
        };
        WebServer server = new NettyReactiveWebServerFactory(0).getWebServer(handler);
        server.start();
        try {
            WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.getPort()).build()
                .get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("X-Injected")
                .expectHeader().doesNotExist("Set-Cookie");
            assertThat(refused.get()).isNotNull();
        }
        finally {
            server.stop();
        }
    }
}
