package org.ssoplatform.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and deploy/Dockerfile as Docker would read them, checked without a Docker engine: every
 * service health-checked and restarted, every port published on 127.0.0.1 unless told otherwise, every
 * application image a target of the one Dockerfile whose single build stage runs Maven with a cache and
 * splits the jars into Spring Boot's layers, and every file a service mounts present.
 */
class ComposeFileTests {

    private static final Path ROOT = Path.of(System.getProperty("e2e.root", ".."));

    private static final Set<String> APPS = Set.of("local-idp", "auth-server", "resource-service", "portal", "gateway");

    private static final Pattern STAGE = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)\\s*$");

    /** {@code ${NAME:-default}}, as Compose interpolates it when NAME is unset. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    private static Map<String, Map<String, Object>> services;

    private static String dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
    }

    @Test
    void everyServiceHasAHealthCheckAndARestartPolicy() {
        assertThat(services).containsKeys("postgres", "redis", "prometheus", "grafana", "otel-collector", "jaeger");
        assertThat(services.keySet()).containsAll(APPS);
        services.forEach((name, service) -> {
            assertThat(strings(map(service.get("healthcheck")).get("test"))).as(name + "'s health check").isNotEmpty();
            assertThat(service.get("restart")).as(name + "'s restart policy").isIn("always", "unless-stopped", "on-failure");
        });
    }

    @Test
    void everyPortIsPublishedOnLoopbackByDefault() {
        services.forEach((name, service) -> {
            for (String port : strings(service.get("ports"))) {
                String resolved = DEFAULTED.matcher(port).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
                assertThat(resolved).as(name + " publishes " + port).matches("127\\.0\\.0\\.1:\\d+:\\d+");
            }
        });
    }

    @Test
    void theApplicationsAreTargetsOfTheOneDockerfileAndAskTheirOwnPortWhetherTheyAreReady() {
        Set<String> stages = new TreeSet<>();
        STAGE.matcher(dockerfile).results().forEach(stage -> stages.add(stage.group(1)));
        Set<String> built = new TreeSet<>();
        services.forEach((name, service) -> {
            if (!service.containsKey("build")) {
                return;
            }
            built.add(name);
            Map<String, Object> build = map(service.get("build"));
            assertThat(build).as(name).containsEntry("context", ".").containsEntry("dockerfile", "deploy/Dockerfile");
            assertThat(stages).as(name + "'s target in deploy/Dockerfile").contains((String) build.get("target"));
            assertThat(dockerfile).as(name + "'s stage takes its layers from the build stage")
                .contains("COPY --from=build /layers/" + build.get("target") + "/application/ ./");
            List<String> check = strings(map(service.get("healthcheck")).get("test"));
            assertThat(check).as(name).startsWith("CMD", "/app/healthcheck");
            String containerPort = strings(service.get("ports")).get(0).replaceAll(".*:", "");
            assertThat(check.get(2)).as(name + " is checked on the port it serves").isEqualTo(containerPort);
        });
        assertThat(built).isEqualTo(APPS);
        assertThat(stages).contains("build", "runtime");
        assertThat(dockerfile).as("one Maven build for every image, its downloads in a build cache")
            .containsOnlyOnce("./mvnw")
            .contains("RUN --mount=type=cache,target=/root/.m2")
            .contains("-Djarmode=tools").contains("extract --layers --launcher")
            .contains("COPY --chmod=755 deploy/healthcheck /app/healthcheck");
        assertThat(ROOT.resolve("deploy/healthcheck")).isExecutable();
    }

    @Test
    void everyFileAServiceMountsExistsAndPrometheusScrapesServicesOfThisFile() throws IOException {
        services.forEach((name, service) -> {
            for (String volume : strings(service.get("volumes"))) {
                String source = volume.substring(0, volume.indexOf(':'));
                assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
            }
        });
        Matcher target = Pattern.compile("\"([a-z-]+):(\\d+)\"").matcher(Files.readString(ROOT.resolve("deploy/observability/prometheus.yml")));
        Set<String> scraped = new TreeSet<>();
        while (target.find()) {
            scraped.add(target.group(1));
        }
        assertThat(scraped).containsExactlyInAnyOrder("auth-server", "gateway", "resource-service", "portal");
        assertThat(services.keySet()).containsAll(scraped);
        for (String observability : List.of("prometheus", "grafana", "otel-collector", "jaeger")) {
            assertThat(strings(services.get(observability).get("profiles"))).as(observability).containsExactly("observability");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
