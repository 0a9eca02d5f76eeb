package org.ssoplatform.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One read of an app's {@code /actuator/prometheus}, as Prometheus would scrape it, and the checks the
 * apps' metrics tests make of it: a sample's value, and that the app exposes every name its list in
 * {@code deploy/observability/metrics/} promises (the names the dashboard and alert rules may use).
 */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> lines;

    private PrometheusScrape(String body) {
        this.lines = body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    public static PrometheusScrape of(int managementPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(10))
            .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/actuator/prometheus answered " + response.statusCode());
            }
            return new PrometheusScrape(response.body());
        }
        catch (IOException ex) {
            throw new AssertionError("/actuator/prometheus unreachable", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Every sample name exposed, e.g. {@code platform_apikey_lookups_total}. */
    public Set<String> names() {
        return lines.stream().map(PrometheusScrape::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The sum of the samples named {@code name} whose labels include every {@code label="value"} given
     * (0 when there is none).
     */
    public double value(String name, String... labels) {
        return lines.stream()
            .filter(line -> name(line).equals(name))
            .filter(line -> Arrays.stream(labels).allMatch(line::contains))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

    /**
     * Fails unless every name in {@code deploy/observability/metrics/<app>.txt} is exposed. Every name exposed
     * is written to {@code target/prometheus-names.txt}, from which a new meter is added to that list.
     */
    public void assertExposesListed(String app) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/prometheus-names.txt"), names());
        }
        catch (IOException ex) {
            throw new AssertionError("Cannot write target/prometheus-names.txt", ex);
        }
        Path list = repositoryRoot().resolve("deploy/observability/metrics/" + app + ".txt");
        Set<String> listed;
        try {
            listed = Files.readAllLines(list).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException ex) {
            throw new AssertionError("Cannot read " + list, ex);
        }
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(names());
        if (!missing.isEmpty()) {
            throw new AssertionError(list + " lists metrics " + app + " does not expose: " + missing);
        }
    }

    /** The checkout, found from the module a test runs in. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/observability"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("No deploy/observability above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }
}
