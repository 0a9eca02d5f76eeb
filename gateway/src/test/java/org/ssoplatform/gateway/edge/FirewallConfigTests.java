package org.ssoplatform.gateway.edge;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirewallConfigTests {

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "ssop_live_AbC123",
            "text/html, */*; q=0.8", "tab\there", "cr\rlf", "line\nfeed", "nul\0", "del\u007f", "nel\u0085",
            "caf\u00e9", "\u00a0nbsp", "unassigned\u0378", "emoji \ud83d\ude00", "lone \ud83d surrogate", "~!@#$%^&*()");

    @Test
    void headerValuesGetTheStrictFirewallsVerdictEveryTime() {
        assertSameVerdicts(FirewallConfig.printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES),
                StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES);
    }

    @Test
    void headerNamesGetTheStrictFirewallsVerdictEveryTime() {
        assertSameVerdicts(FirewallConfig.printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES),
                StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES);
    }

    private final ServerWebExchangeFirewall firewall = new FirewallConfig().serverWebExchangeFirewall();

    @Test
    void anAcceptableRequestGoesOnUnwrapped() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/examples/data?page=2")
            .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln").header("Accept-Language", "fr-CH, caf\u00e9"));

        assertThat(this.firewall.getFirewalledExchange(exchange).block()).isSameAs(exchange);
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedEvenWhenNothingWouldReadIt() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/examples/public")
            .header("X-Unread", "next\u0085line"));

        assertThatThrownBy(() -> this.firewall.getFirewalledExchange(exchange).block())
            .isInstanceOf(ServerExchangeRejectedException.class).hasMessageContaining("X-Unread");
    }

    @Test
    void aQueryParameterNameWithAControlCharacterIsRefused() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/examples/public")
            .queryParam("a\u0007b", "1"));

        assertThatThrownBy(() -> this.firewall.getFirewalledExchange(exchange).block())
            .isInstanceOf(ServerExchangeRejectedException.class);
    }

    @Test
    void theStrictFirewallsUrlRulesStillApply() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/examples/public/../data"));

        assertThatThrownBy(() -> this.firewall.getFirewalledExchange(exchange).block())
            .isInstanceOf(ServerExchangeRejectedException.class);
    }

    private static void assertSameVerdicts(Predicate<String> ours, Predicate<String> strict) {
        for (String sample : SAMPLES) {
            assertThat(ours.test(sample)).as("verdict on %s", sample.chars().boxed().toList()).isEqualTo(strict.test(sample));
        }
        assertThat(SAMPLES).anyMatch(strict.negate()); // the samples include values the firewall refuses
    }
}
