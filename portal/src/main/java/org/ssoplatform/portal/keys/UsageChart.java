package org.ssoplatform.portal.keys;

import java.util.ArrayList;
import java.util.List;

import org.ssoplatform.portal.api.Usage;

/**
 * A key's requests per day as bars of a small server-rendered SVG: drawn from attributes only, so the page needs
 * neither script nor inline style. Each bar carries its day and count as a tooltip and for screen readers.
 */
record UsageChart(List<Bar> bars, long total, int days, int width, int height) {

    static final int HEIGHT = 40;

    static final int STEP = 10;

    /** @return the chart, or {@code null} when there is no usage data to draw */
    static UsageChart of(Usage usage) {
        if (usage == null || usage.days().isEmpty()) {
            return null;
        }
        long max = usage.days().stream().mapToLong(Usage.Day::requests).max().orElse(0);
        long total = usage.days().stream().mapToLong(Usage.Day::requests).sum();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < usage.days().size(); i++) {
            Usage.Day day = usage.days().get(i);
            int height = max == 0 ? 0 : (int) Math.max(day.requests() > 0 ? 1 : 0, Math.round(day.requests() * (double) HEIGHT / max));
            bars.add(new Bar(i * STEP, HEIGHT - height, STEP - 2, height,
                    day.date() + ": " + day.requests() + (day.requests() == 1 ? " request" : " requests")));
        }
        return new UsageChart(bars, total, usage.days().size(), usage.days().size() * STEP, HEIGHT);
    }

    record Bar(int x, int y, int width, int height, String label) {
    }
}
