package org.ssoplatform.e2e.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every metric the alert rules and the Grafana dashboard of {@code deploy/observability/} query is one an
 * app exposes: listed in {@code deploy/observability/metrics/<app>.txt}, which each app's metrics test
 * checks against its own {@code /actuator/prometheus} (GatewayMetricsTests, AuthServerMetricsTests,
 * ResourceServiceMetricsTests, PortalMetricsTests). A renamed meter thus fails the build instead of an empty panel;
 * an app whose management port Prometheus does not scrape fails it too.
 */
class ObservabilityFilesTests {

    /** Series Prometheus itself makes. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern MANAGEMENT_PORT = Pattern.compile("\\$\\{MANAGEMENT_PORT:(\\d+)}");

    private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");

    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "offset", "and", "or",
            "unless", "bool", "group_left", "group_right", "le", "inf", "nan");

    private final Path root = root();

    @Test
    void theAlertRulesQueryOnlyExposedMetrics() throws IOException {
        List<String> expressions = alertExpressions(Files.readAllLines(root.resolve("deploy/observability/alerts.yml")));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);
        assertThat(unknown(expressions)).isEmpty();
    }

    @Test
    void theDashboardQueriesOnlyExposedMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("deploy/observability/grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
                dashboard.path("panels").forEach(panel -> panel.path("targets")
                    .forEach(target -> expressions.add(target.path("expr").asString(""))));
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(10);
        assertThat(unknown(expressions)).isEmpty();
    }

    @Test
    void everyAppWithAManagementPortIsScrapedThereAndListsItsMetrics() throws IOException {
        String scrapeConfig = Files.readString(root.resolve("deploy/observability/prometheus.yml"));
        Map<String, String> ports = managementPorts();
        assertThat(ports).containsKeys("auth-server", "gateway", "resource-service", "portal");
        ports.forEach((app, port) -> {
            assertThat(scrapeConfig).as("prometheus.yml scrapes " + app).contains("\"" + app + ":" + port + "\"");
            assertThat(root.resolve("deploy/observability/metrics/" + app + ".txt")).as("the metrics " + app + " exposes").exists();
        });
    }

    /** Each module's default management port: {@code ${MANAGEMENT_PORT:8180}} in its application.yml. */
    private Map<String, String> managementPorts() throws IOException {
        Map<String, String> ports = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path config = module.resolve("src/main/resources/application.yml");
                if (Files.exists(config)) {
                    Matcher port = MANAGEMENT_PORT.matcher(Files.readString(config));
                    if (port.find()) {
                        ports.put(module.getFileName().toString(), port.group(1));
                    }
                }
            }
        }
        return ports;
    }

    @Test
    void aMetricNoAppExposesIsCaught() {
        assertThat(unknown(List.of("sum(rate(platform_apikey_lookups_total{tier=\"local\"}[5m]))",
                "rate(platform_no_such_meter_total[5m])"))).containsExactly("platform_no_such_meter_total");
    }

    private Set<String> unknown(List<String> expressions) {
        Set<String> exposed = exposed();
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            for (String name : metricNames(expression)) {
                if (!exposed.contains(name) && !PROMETHEUS_OWN.contains(name)) {
                    unknown.add(name);
                }
            }
        }
        return unknown;
    }

    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "\"\"");
        bare = LABELS.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String token = matcher.group();
            boolean partOfNumber = matcher.start() > 0 && Character.isDigit(bare.charAt(matcher.start() - 1));
            if (!partOfNumber && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    private Set<String> exposed() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> lists = Files.list(root.resolve("deploy/observability/metrics"))) {
            for (Path list : lists.toList()) {
                Files.readAllLines(list).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(names::add);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return names;
    }

    /** The {@code expr:} of each rule, on one line or as a block scalar ({@code expr: |}). */
    static List<String> alertExpressions(List<String> lines) {
        List<String> expressions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf("expr:");
            if (at < 0) {
                continue;
            }
            String value = line.substring(at + "expr:".length()).strip();
            if (!value.equals("|") && !value.equals(">")) {
                expressions.add(value);
                continue;
            }
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || indent(lines.get(i + 1)) > at)) {
                block.append(lines.get(++i).strip()).append(' ');
            }
            expressions.add(block.toString());
        }
        return expressions;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/observability"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No deploy/observability above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
