package org.ssoplatform.resourceserver.servlet;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall gives the strict firewall's verdict on every header name and value, printable ASCII or not. */
class PlatformFirewallTests {

    private static final List<String> SAMPLES = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "ssop_live_AbC123",
            "text/html, */*; q=0.8", "tab\there", "cr\rlf", "line\nfeed", "nul\0", "del\u007f", "nel\u0085",
            "caf\u00e9", "\u00a0nbsp", "unassigned\u0378", "emoji \ud83d\ude00", "lone \ud83d surrogate", "~!@#$%^&*()");

    @Test
    void headerValuesGetTheStrictFirewallsVerdictEveryTime() {
        assertSameVerdicts(PlatformFirewall.printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES),
                StrictHttpFirewall.ALLOWED_HEADER_VALUES);
    }

    @Test
    void headerNamesGetTheStrictFirewallsVerdictEveryTime() {
        assertSameVerdicts(PlatformFirewall.printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES),
                StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    }

    private static void assertSameVerdicts(Predicate<String> ours, Predicate<String> strict) {
        for (String sample : SAMPLES) {
            assertThat(ours.test(sample)).as("verdict on %s", sample.chars().boxed().toList()).isEqualTo(strict.test(sample));
        }
        assertThat(SAMPLES).anyMatch(strict.negate()); // the samples include values the firewall refuses
    }
}
