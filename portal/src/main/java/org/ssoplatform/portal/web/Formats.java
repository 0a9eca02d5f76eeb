package org.ssoplatform.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** How the pages write times: UTC, to the minute, the same on every page ({@code ${@formats.when(x)}}). */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    public String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** As {@link #when}, or {@code otherwise} for a time that never was (never used, never expires). */
    public String when(Instant instant, String otherwise) {
        return instant == null ? otherwise : WHEN.format(instant);
    }
}
