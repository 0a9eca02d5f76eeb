package org.ssoplatform.e2e.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s's overlays as the cluster would receive them ({@code kubectl kustomize} where kubectl is
 * installed, as in CI, else each kustomization's resources read one by one, without its patches): one Secret
 * per app, NetworkPolicies that keep each dependency to its clients, pods that pass the "restricted" Pod
 * Security Standard, every name a manifest refers to defined, and production's autoscalers, Ingress and
 * spread across nodes.
 */
class KubernetesManifestsTests {

    private static final Path K8S = Path.of(System.getProperty("e2e.root", "..")).resolve("deploy/k8s");

    private static final Set<String> APPS = Set.of("auth-server", "gateway", "portal", "resource-service", "redis");

    /** The apps of the platform itself, each with a management port for Prometheus. */
    private static final Set<String> PLATFORM_APPS = Set.of("auth-server", "gateway", "portal", "resource-service");

    private static final List<String> OVERLAYS = List.of("dev", "production");

    private static final Map<String, List<Map<String, Object>>> RENDERED = new TreeMap<>();

    /** The overlay the assertions below read; each test runs them for every overlay. */
    private static List<Map<String, Object>> resources;

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : OVERLAYS) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (Object document : new Yaml().loadAll(rendered(K8S.resolve("overlays/" + overlay)))) {
                if (document != null) {
                    all.add(map(document));
                }
            }
            RENDERED.put(overlay, all);
        }
    }

    private static void forEachOverlay(Runnable assertions) {
        for (String overlay : OVERLAYS) {
            resources = RENDERED.get(overlay);
            try {
                assertions.run();
            }
            catch (AssertionError ex) {
                throw new AssertionError("overlays/" + overlay + ": " + ex.getMessage(), ex);
            }
        }
    }

    @Test
    void everyAppHasASecretOfItsOwnAndTheGatewayNeverGetsTheSigningSecretOrTheDatabasePassword() {
        forEachOverlay(KubernetesManifestsTests::secretsPerApp);
    }

    private static void secretsPerApp() {
        for (String app : APPS) {
            Map<String, Object> pod = podSpec(app);
            Set<String> secrets = new TreeSet<>();
            Set<String> secretVariables = new TreeSet<>();
            for (Map<String, Object> container : maps(pod.get("containers"))) {
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    assertThat(from).as(app + " takes no whole Secret into its environment").doesNotContainKey("secretRef");
                }
                for (Map<String, Object> variable : maps(container.get("env"))) {
                    Map<String, Object> ref = path(variable, "valueFrom", "secretKeyRef");
                    if (ref != null) {
                        secrets.add((String) ref.get("name"));
                        secretVariables.add((String) variable.get("name"));
                    }
                }
            }
            if (app.equals("resource-service")) {
                assertThat(secrets).isEmpty();
            }
            else if (app.equals("auth-server")) {
                assertThat(secrets).containsExactlyInAnyOrder("auth-server", "identity-providers");
            }
            else {
                assertThat(secrets).as(app).containsExactly(app);
            }
            if (!app.equals("auth-server")) {
                assertThat(secretVariables).as(app).doesNotContain("PLATFORM_SIGNING_SECRET", "POSTGRES_PASSWORD");
            }
        }
        assertThat(secretVariablesOf("gateway")).containsExactlyInAnyOrder("GATEWAY_CLIENT_SECRET", "PORTAL_CLIENT_SECRET",
                "REDIS_PASSWORD");
    }

    @Test
    void redisRequiresAPasswordAndTheAppsSendIt() {
        forEachOverlay(KubernetesManifestsTests::redisPassword);
    }

    private static void redisPassword() {
        Map<String, Object> redis = maps(podSpec("redis").get("containers")).get(0);
        assertThat(strings(redis.get("args"))).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
        assertThat(secretVariablesOf("auth-server")).contains("REDIS_PASSWORD");
        assertThat(secretVariablesOf("gateway")).contains("REDIS_PASSWORD");
    }

    @Test
    void everyPodPassesTheRestrictedPodSecurityStandard() {
        forEachOverlay(KubernetesManifestsTests::restrictedPods);
    }

    private static void restrictedPods() {
        Map<String, Object> namespace = resources.stream().filter(r -> "Namespace".equals(r.get("kind"))).findFirst().orElseThrow();
        assertThat(path(namespace, "metadata", "labels")).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (String app : APPS) {
            Map<String, Object> pod = podSpec(app);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertThat(podSecurity).as(app).containsEntry("runAsNonRoot", true);
            assertThat(path(podSecurity, "seccompProfile")).as(app).containsEntry("type", "RuntimeDefault");
            assertThat(pod).as(app).doesNotContainKeys("hostNetwork", "hostPID", "hostIPC");
            Set<String> emptyDirs = new TreeSet<>();
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                assertThat(volume).as(app + " uses no host path").doesNotContainKey("hostPath");
                if (volume.containsKey("emptyDir")) {
                    emptyDirs.add((String) volume.get("name"));
                }
            }
            for (Map<String, Object> container : maps(pod.get("containers"))) {
                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(security).as(app).containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("readOnlyRootFilesystem", true)
                    .doesNotContainEntry("privileged", true);
                assertThat(strings(path(security, "capabilities").get("drop"))).as(app).containsExactly("ALL");
                assertThat(path(security, "capabilities")).as(app).doesNotContainKey("add");
                assertThat(maps(container.get("volumeMounts"))).as(app + " writes /tmp to an emptyDir")
                    .anySatisfy(mount -> {
                        assertThat(mount.get("mountPath")).isEqualTo("/tmp");
                        assertThat(emptyDirs).contains((String) mount.get("name"));
                    });
            }
        }
    }

    @Test
    void networkPoliciesDenyByDefaultAndKeepEachDependencyToItsClients() {
        forEachOverlay(KubernetesManifestsTests::networkPolicies);
    }

    private static void networkPolicies() {
        Map<String, Object> deny = path(policy("default-deny"), "spec");
        assertThat(map(deny.get("podSelector"))).isEmpty();
        assertThat(strings(deny.get("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");

        assertThat(appsAllowedEgressTo(5432)).as("PostgreSQL from auth-server only").containsExactly("auth-server");
        assertThat(appsAllowedEgressTo(6379)).as("Redis from the platform's apps only")
            .containsExactlyInAnyOrder("auth-server", "gateway", "portal");
        assertThat(ingressPeers("redis")).containsExactlyInAnyOrder("app=auth-server", "app=gateway", "app=portal");
        assertThat(ingressPeers("portal")).containsExactly("app=gateway");
        assertThat(ingressPeers("resource-service")).as("the backends only from the gateway").containsExactly("app=gateway");
    }

    @Test
    void everyNameAManifestRefersToIsDefinedInTheSameNamespace() {
        forEachOverlay(KubernetesManifestsTests::referencesResolve);
    }

    private static void referencesResolve() {
        for (Map<String, Object> resource : resources) {
            String what = resource.get("kind") + " " + path(resource, "metadata").get("name");
            assertThat(resource.get("apiVersion")).as(what).isNotNull();
            assertThat(path(resource, "metadata").get("name")).as(what).isNotNull();
            if (!"Namespace".equals(resource.get("kind"))) {
                assertThat(path(resource, "metadata").get("namespace")).as(what).isEqualTo("sso-platform");
            }
        }
        Set<String> configMaps = names("ConfigMap");
        for (Map<String, Object> deployment : kind("Deployment")) {
            String name = (String) path(deployment, "metadata").get("name");
            Map<String, Object> labels = path(deployment, "spec", "template", "metadata", "labels");
            assertThat(labels).as(name + "'s pods carry its selector").containsAllEntriesOf(path(deployment, "spec", "selector", "matchLabels"));
            for (Map<String, Object> container : maps(podSpec(name).get("containers"))) {
                assertThat(container.get("image")).as(name).isNotNull();
                Set<Object> ports = containerPorts(container);
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    Map<String, Object> check = map(container.get(probe));
                    Object port = check.containsKey("httpGet") ? path(check, "httpGet").get("port")
                            : check.containsKey("tcpSocket") ? path(check, "tcpSocket").get("port") : null;
                    if (port != null) {
                        assertThat(ports).as(name + "'s " + probe + " port").contains(port);
                    }
                }
                for (Map<String, Object> from : maps(container.get("envFrom"))) {
                    Map<String, Object> ref = path(from, "configMapRef");
                    if (ref != null) {
                        assertThat(configMaps).as(name + "'s ConfigMap").contains((String) ref.get("name"));
                    }
                }
            }
        }
        for (Map<String, Object> service : kind("Service")) {
            String name = (String) path(service, "metadata").get("name");
            Map<String, Object> pods = podSpecSelectedBy(map(path(service, "spec").get("selector")), "Service " + name);
            Set<Object> ports = new TreeSet<>(Comparator.comparing(String::valueOf));
            maps(pods.get("containers")).forEach(container -> ports.addAll(containerPorts(container)));
            for (Map<String, Object> port : maps(path(service, "spec").get("ports"))) {
                assertThat(ports).as("Service " + name + " targets a port its pods open").contains(port.get("targetPort"));
            }
        }
        for (Map<String, Object> budget : kind("PodDisruptionBudget")) {
            podSpecSelectedBy(path(budget, "spec", "selector", "matchLabels"), "PodDisruptionBudget " + path(budget, "metadata").get("name"));
        }
        for (Map<String, Object> autoscaler : kind("HorizontalPodAutoscaler")) {
            Map<String, Object> target = path(autoscaler, "spec", "scaleTargetRef");
            assertThat(target).containsEntry("kind", "Deployment");
            assertThat(names("Deployment")).contains((String) target.get("name"));
        }
        for (Map<String, Object> ingress : kind("Ingress")) {
            for (Map<String, Object> rule : maps(path(ingress, "spec").get("rules"))) {
                for (Map<String, Object> route : maps(path(rule, "http").get("paths"))) {
                    Map<String, Object> backend = path(route, "backend", "service");
                    Map<String, Object> service = kind("Service").stream()
                        .filter(s -> backend.get("name").equals(path(s, "metadata").get("name")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("the Ingress routes to a Service that does not exist: " + backend));
                    assertThat(maps(path(service, "spec").get("ports"))).as("the Ingress's port of " + backend.get("name"))
                        .anySatisfy(port -> assertThat(port.get("name")).isEqualTo(path(backend, "port").get("name")));
                }
            }
        }
    }

    @Test
    void everyAppOfThePlatformIsDeployedWithItsMetricsOnAManagementPortAndItsProbesOnItsOwn() {
        forEachOverlay(() -> {
            for (String app : PLATFORM_APPS) {
                Map<String, Object> template = path(kind("Deployment").stream()
                    .filter(d -> app.equals(path(d, "metadata").get("name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Deployment " + app)), "spec", "template");
                Map<String, Object> container = maps(path(template, "spec").get("containers")).get(0);
                Object managementPort = maps(container.get("ports")).stream()
                    .filter(port -> "management".equals(port.get("name")))
                    .map(port -> port.get("containerPort"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(app + " opens no management port"));
                assertThat(path(template, "metadata", "annotations")).as(app)
                    .containsEntry("prometheus.io/port", String.valueOf(managementPort))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");
                assertThat(path(container, "readinessProbe", "httpGet")).as(app).containsEntry("path", "/readyz").containsEntry("port", "http");
                assertThat(path(container, "livenessProbe", "httpGet")).as(app).containsEntry("path", "/livez").containsEntry("port", "http");
                for (Map<String, Object> service : kind("Service")) {
                    assertThat(maps(path(service, "spec").get("ports"))).as("no Service exposes a management port")
                        .noneMatch(port -> "management".equals(port.get("targetPort")) || managementPort.equals(port.get("targetPort")));
                }
            }
        });
    }

    @Test
    void productionScalesTheGatewayAndAuthServerSpreadsReplicasAcrossNodesAndIsReachedThroughAnIngressWithTls() {
        resources = RENDERED.get("production");
        Map<String, Map<String, Object>> autoscalers = new TreeMap<>();
        kind("HorizontalPodAutoscaler").forEach(hpa -> autoscalers.put((String) path(hpa, "spec", "scaleTargetRef").get("name"), hpa));
        assertThat(autoscalers).containsOnlyKeys("gateway", "auth-server");
        autoscalers.forEach((app, hpa) -> {
            int replicas = (Integer) path(kind("Deployment").stream()
                .filter(d -> app.equals(path(d, "metadata").get("name"))).findFirst().orElseThrow(), "spec").get("replicas");
            assertThat((Integer) path(hpa, "spec").get("minReplicas")).as(app + " never scales below its disruption budget")
                .isGreaterThanOrEqualTo(Math.max(2, replicas));
            assertThat((Integer) path(hpa, "spec").get("maxReplicas")).as(app).isGreaterThan((Integer) path(hpa, "spec").get("minReplicas"));
        });

        for (String app : PLATFORM_APPS) {
            assertThat(maps(podSpec(app).get("topologySpreadConstraints"))).as(app + " spreads across nodes").anySatisfy(spread -> {
                assertThat(spread).containsEntry("topologyKey", "kubernetes.io/hostname");
                assertThat(map(path(spread, "labelSelector").get("matchLabels"))).containsEntry("app", app);
            });
        }

        List<Map<String, Object>> ingresses = kind("Ingress");
        assertThat(ingresses).hasSize(1);
        Set<String> backends = new TreeSet<>();
        for (Map<String, Object> rule : maps(path(ingresses.get(0), "spec").get("rules"))) {
            maps(path(rule, "http").get("paths")).forEach(route -> backends.add((String) path(route, "backend", "service").get("name")));
        }
        assertThat(backends).as("only the gateway and auth-server's sign-in are public").containsExactlyInAnyOrder("gateway", "auth-server");
        assertThat(maps(path(ingresses.get(0), "spec").get("tls"))).isNotEmpty();
    }

    @Test
    void developmentRunsTheBaseWithoutAutoscalersOrAnIngress() {
        resources = RENDERED.get("dev");
        assertThat(kind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(kind("Ingress")).isEmpty();
        assertThat(names("Deployment")).containsAll(APPS);
    }

    private static Set<Object> containerPorts(Map<String, Object> container) {
        Set<Object> ports = new TreeSet<>(Comparator.comparing(String::valueOf));
        for (Map<String, Object> port : maps(container.get("ports"))) {
            ports.add(port.get("containerPort"));
            if (port.get("name") != null) {
                ports.add(port.get("name"));
            }
        }
        return ports;
    }

    /** The pod template of the one Deployment whose pods {@code selector} selects. */
    private static Map<String, Object> podSpecSelectedBy(Map<String, Object> selector, String who) {
        assertThat(selector).as(who + " selects by labels").isNotEmpty();
        List<Map<String, Object>> selected = kind("Deployment").stream()
            .filter(d -> path(d, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()))
            .toList();
        assertThat(selected).as(who + " selects the pods of one Deployment").hasSize(1);
        return path(selected.get(0), "spec", "template", "spec");
    }

    private static Set<String> names(String kind) {
        Set<String> names = new TreeSet<>();
        kind(kind).forEach(resource -> names.add((String) path(resource, "metadata").get("name")));
        return names;
    }

    private static Set<String> appsAllowedEgressTo(int port) {
        Set<String> apps = new TreeSet<>();
        for (Map<String, Object> policy : kind("NetworkPolicy")) {
            for (Map<String, Object> rule : maps(path(policy, "spec").get("egress"))) {
                boolean allowsPort = rule.get("ports") == null
                        || maps(rule.get("ports")).stream().anyMatch(p -> Objects.equals(p.get("port"), port));
                if (allowsPort) {
                    Map<String, Object> selector = map(path(policy, "spec", "podSelector").get("matchLabels"));
                    apps.add(selector.isEmpty() ? "every pod" : (String) selector.get("app"));
                }
            }
        }
        return apps;
    }

    private static Set<String> ingressPeers(String app) {
        Set<String> peers = new TreeSet<>();
        for (Map<String, Object> policy : kind("NetworkPolicy")) {
            Map<String, Object> selector = map(path(policy, "spec", "podSelector").get("matchLabels"));
            if (!selector.isEmpty() && !app.equals(selector.get("app"))) {
                continue;
            }
            for (Map<String, Object> rule : maps(path(policy, "spec").get("ingress"))) {
                assertThat(rule).as("every ingress rule of " + app + " names its peers").containsKey("from");
                for (Map<String, Object> peer : maps(rule.get("from"))) {
                    assertThat(peer).as(app + " admits pods of this namespace only").containsOnlyKeys("podSelector");
                    map(path(peer, "podSelector").get("matchLabels")).forEach((k, v) -> peers.add(k + "=" + v));
                }
            }
        }
        return peers;
    }

    private static Set<String> secretVariablesOf(String app) {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> container : maps(podSpec(app).get("containers"))) {
            for (Map<String, Object> variable : maps(container.get("env"))) {
                if (path(variable, "valueFrom", "secretKeyRef") != null) {
                    names.add((String) variable.get("name"));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> podSpec(String app) {
        Map<String, Object> deployment = kind("Deployment").stream()
            .filter(d -> app.equals(path(d, "metadata").get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Deployment " + app));
        return path(deployment, "spec", "template", "spec");
    }

    private static Map<String, Object> policy(String name) {
        return kind("NetworkPolicy").stream()
            .filter(p -> name.equals(path(p, "metadata").get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no NetworkPolicy " + name));
    }

    private static List<Map<String, Object>> kind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    /** kubectl's rendering of a kustomization where kubectl is installed, else its resources as written. */
    private static String rendered(Path kustomization) throws IOException, InterruptedException {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", kustomization.toString()).redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kubectl.waitFor(60, TimeUnit.SECONDS) && kubectl.exitValue() == 0) {
                return output;
            }
            throw new AssertionError("kubectl kustomize " + kustomization + " failed: " + output);
        }
        catch (IOException notInstalled) {
            return asWritten(kustomization);
        }
    }

    /** The resources a kustomization lists, bases included, in its namespace; its patches are not applied. */
    private static String asWritten(Path directory) throws IOException {
        Map<String, Object> kustomization = map(new Yaml().load(Files.readString(directory.resolve("kustomization.yaml"))));
        List<Object> documents = new ArrayList<>();
        for (String entry : strings(kustomization.get("resources"))) {
            Path resource = directory.resolve(entry).normalize();
            String text = Files.isDirectory(resource) ? asWritten(resource) : Files.readString(resource);
            for (Object document : new Yaml().loadAll(text)) {
                if (document != null) {
                    documents.add(document);
                }
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Object document : documents) {
                Map<String, Object> metadata = map(map(document).get("metadata"));
                if (!"Namespace".equals(map(document).get("kind"))) {
                    metadata.put("namespace", namespace);
                }
            }
        }
        return new Yaml().dumpAll(documents.iterator());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    private static Map<String, Object> path(Map<String, Object> root, String... keys) {
        Map<String, Object> current = root;
        for (String key : keys) {
            if (current == null || current.get(key) == null) {
                return null;
            }
            current = map(current.get(key));
        }
        return current;
    }
}
