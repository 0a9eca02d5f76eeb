package org.ssoplatform.gateway.edge;

import java.util.function.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.ssoplatform.gateway.web.Problems;

/**
 * Spring Security's strict firewall, unchanged in what it accepts, checking each request's headers
 * once ({@link CheckOnceFirewall}). Its header rules are Unicode regexes, and a bearer token is 750
 * characters: printable ASCII, which those rules always accept, is recognised with a plain loop
 * first; anything else still goes through the strict rules.
 */
@Configuration(proxyBeanMethods = false)
class FirewallConfig {

    @Bean
    ServerWebExchangeFirewall serverWebExchangeFirewall() {
        StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();
        strict.setAllowedHeaderNames(printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES));
        strict.setAllowedHeaderValues(printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES));
        return new CheckOnceFirewall(strict);
    }

    /**
     * A rejected request gets a problem like every other refusal. Its detail names no header or value:
     * what the firewall refused may be a credential.
     */
    @Bean
    ServerExchangeRejectedHandler serverExchangeRejectedHandler(Problems problems) {
        return (exchange, ex) -> problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request was rejected: its method, URL or headers hold something the gateway does not accept.");
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
