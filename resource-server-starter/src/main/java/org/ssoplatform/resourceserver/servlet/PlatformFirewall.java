package org.ssoplatform.resourceserver.servlet;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, unchanged in what it accepts. It checks a header's name and value with a
 * Unicode regex on every read, and a bearer request's 800-character {@code Authorization} header is read more than
 * once (docs/performance.md#resource-services). Printable ASCII, which the strict rules always accept, is recognised
 * with a plain loop first; anything else still goes through the strict rules.
 */
final class PlatformFirewall {

    private PlatformFirewall() {
    }

    static StrictHttpFirewall create() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES));
        firewall.setAllowedHeaderValues(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES));
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
