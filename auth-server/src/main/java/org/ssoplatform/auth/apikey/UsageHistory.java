package org.ssoplatform.auth.apikey;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Requests per key and UTC day as flushed by {@link UsageFlush}, kept {@value #KEPT_DAYS} days. */
@Component
class UsageHistory {

    static final int KEPT_DAYS = 90;

    private static final Logger log = LoggerFactory.getLogger(UsageHistory.class);

    private final JdbcClient jdbc;

    private final Clock clock = Clock.systemUTC();

    UsageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Day(String date, long requests) {
    }

    /** The last {@code days} UTC days up to today, oldest first, days without requests included as 0. */
    List<Day> of(long keyId, int days) {
        LocalDate today = today();
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Long> counted = jdbc
            .sql("SELECT day, requests FROM api_key_usage WHERE key_id = ? AND day BETWEEN ? AND ?")
            .params(keyId, first, today)
            .query((row, n) -> Map.entry(row.getObject("day", LocalDate.class), row.getLong("requests")))
            .list()
            .stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Day> result = new ArrayList<>(days);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            result.add(new Day(day.toString(), counted.getOrDefault(day, 0L)));
        }
        return result;
    }

    @Scheduled(fixedDelayString = "${platform.api-keys.usage-purge-interval:1h}", initialDelayString = "1m")
    void scheduledPurge() {
        try {
            purge();
        }
        catch (RuntimeException ex) {
            log.warn("API-key usage older than {} days not purged this time ({})", KEPT_DAYS,
                    ex.getClass().getSimpleName());
        }
    }

    /** Drops days older than {@value #KEPT_DAYS} days and batch ids older than any claim could be retried. */
    int purge() {
        int purged = jdbc.sql("DELETE FROM api_key_usage WHERE day < ?").param(today().minusDays(KEPT_DAYS)).update();
        jdbc.sql("DELETE FROM api_key_usage_batches WHERE applied_at < now() - interval '7 days'").update();
        return purged;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
