package org.ssoplatform.gateway.config;

import java.util.function.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall, unchanged in what it accepts. It checks a header's name and
 * value with a Unicode regex on every read, and a proxied request's headers are read several times
 * (the credential check, bearer authentication, each of Spring Cloud Gateway's header filters): for a
 * 750-character bearer token that was a tenth of the request's CPU (bench/). Printable ASCII, which
 * the strict rules always accept, is recognised with a plain loop first; anything else still goes
 * through the strict rules.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfig {

    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES));
        firewall.setAllowedHeaderValues(printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES));
        return firewall;
    }

    static Predicate<String> printableAsciiOr(Predicate<String> strictRule) {
        return value -> (value != null && isPrintableAscii(value)) || strictRule.test(value);
    }

    private static boolean isPrintableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
