package org.ssoplatform.gateway.edge;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class SequentialWebFiltersTests {

    private final List<String> ran = new ArrayList<>();

    private final WebFilterChain backend = exchange -> {
        this.ran.add("backend " + exchange.getRequest().getPath());
        return Mono.empty();
    };

    @Test
    void filtersRunInTheirOrderThenTheHandlerWithTheExchangeEachPassesOn() {
        WebFilter rewrite = (exchange, chain) -> {
            this.ran.add("rewrite");
            return chain.filter(exchange.mutate().request(r -> r.path("/rewritten")).build());
        };

        new SequentialWebFilters(List.of(rewrite, recording("second"))).filter(exchange(), this.backend).block();

        assertThat(this.ran).containsExactly("rewrite", "second", "backend /rewritten");
    }

    @Test
    void aFilterThatNeverSubscribesToTheRestStopsTheSequence() {
        WebFilter answersItself = (exchange, chain) -> {
            Mono<Void> unused = chain.filter(exchange); // as Spring Security's filters assemble it
            return Mono.empty();
        };

        new SequentialWebFilters(List.of(answersItself, recording("second"))).filter(exchange(), this.backend).block();

        assertThat(this.ran).isEmpty();
    }

    @Test
    void aFilterThatThrowsGivesTheFiltersBeforeItAnErrorSignal() {
        WebFilter handles = (exchange, chain) -> chain.filter(exchange)
            .onErrorResume(IllegalStateException.class, ex -> {
                this.ran.add("handled " + ex.getMessage());
                return Mono.empty();
            });
        WebFilter throwing = (exchange, chain) -> {
            throw new IllegalStateException("broken");
        };

        new SequentialWebFilters(List.of(handles, throwing)).filter(exchange(), this.backend).block();

        assertThat(this.ran).containsExactly("handled broken");
    }

    @Test
    void itsCheckpointNamesTheFilters() {
        assertThat(new SequentialWebFilters(List.of(new SecurityHeaders()))).hasToString("web filters [SecurityHeaders]");
    }

    private static ServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/page"));
    }

    private WebFilter recording(String name) {
        return (exchange, chain) -> {
            this.ran.add(name);
            return chain.filter(exchange);
        };
    }
}
