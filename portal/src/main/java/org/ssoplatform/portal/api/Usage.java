package org.ssoplatform.portal.api;

import java.time.LocalDate;
import java.util.List;

/** A key's requests per day ({@code GET /api/v1/api-keys/{id}/usage?days=N}), oldest first, zeros included. */
public record Usage(String keyId, List<Day> days) {

    public Usage {
        days = days == null ? List.of() : days;
    }

    public record Day(LocalDate date, long requests) {
    }
}
