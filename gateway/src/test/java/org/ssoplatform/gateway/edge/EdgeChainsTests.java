package org.ssoplatform.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.HttpStatusExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.ssoplatform.gateway.edge.EdgeChains.Lane;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeChainsTests {

    private final List<String> ran = new ArrayList<>();

    private final EdgeChains chains = new EdgeChains(recording("proxy"), new FirewallConfig().serverWebExchangeFirewall(),
            new HttpStatusExchangeRejectedHandler(HttpStatus.BAD_REQUEST),
            List.of(new Lane(Credentials.NONE, exchange -> exchange.getRequest().getPath().value().startsWith("/public"),
                    List.of(recording("cors"), recording("key")))));

    private final WebFilterChain backend = exchange -> {
        this.ran.add("backend");
        return Mono.empty();
    };

    @Test
    void aRequestALaneTakesRunsItsFiltersInOrderAndNeverTheProxy() {
        this.chains.filter(exchange("/public/page"), this.backend).block();

        assertThat(this.ran).containsExactly("cors", "key", "backend");
    }

    @Test
    void everyOtherRequestGoesToTheProxy() {
        this.chains.filter(exchange("/private/page"), this.backend).block();

        assertThat(this.ran).containsExactly("proxy", "backend");
    }

    @Test
    void aRequestALaneTakesStillGoesThroughTheFirewall() {
        ServerWebExchange traversal = exchange("/public/%2e%2e/private/page");

        this.chains.filter(traversal, this.backend).block();

        assertThat(this.ran).isEmpty();
        assertThat(traversal.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private static ServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }

    private WebFilter recording(String name) {
        return (exchange, chain) -> {
            this.ran.add(name);
            return chain.filter(exchange);
        };
    }
}
