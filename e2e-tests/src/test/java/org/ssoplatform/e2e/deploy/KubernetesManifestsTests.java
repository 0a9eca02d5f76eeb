package org.ssoplatform.e2e.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s as the cluster would receive it ({@code kubectl kustomize} where kubectl is installed,
 * else the kustomization's resources read one by one): one Secret per app, NetworkPolicies that keep
 * each dependency to its clients, and pods that pass the "restricted" Pod Security Standard.
 */
class KubernetesManifestsTests {

    private static final Path K8S = Path.of(System.getProperty("e2e.root", "..")).resolve("deploy/k8s");

    private static final Set<String> APPS = Set.of("auth-server", "gateway", "portal", "resource-service", "redis");

    private static List<Map<String, Object>> resources;

    @BeforeAll
    static void render() throws Exception {
        resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered())) {
            if (document != null) {
                resources.add(map(document));
            }
        }
    }

    @Test
    void everyAppHasASecretOfItsOwnAndTheGatewayNeverGetsTheSigningSecretOrTheDatabasePassword() {
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
        Map<String, Object> redis = maps(podSpec("redis").get("containers")).get(0);
        assertThat(strings(redis.get("args"))).containsSequence("--requirepass", "$(REDIS_PASSWORD)");
        assertThat(secretVariablesOf("auth-server")).contains("REDIS_PASSWORD");
        assertThat(secretVariablesOf("gateway")).contains("REDIS_PASSWORD");
    }

    @Test
    void everyPodPassesTheRestrictedPodSecurityStandard() {
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

    /** kubectl's rendering where it is installed, else the listed resources as written. */
    private static String rendered() throws IOException, InterruptedException {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.toString()).redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kubectl.waitFor(60, TimeUnit.SECONDS) && kubectl.exitValue() == 0) {
                return output;
            }
            throw new AssertionError("kubectl kustomize " + K8S + " failed: " + output);
        }
        catch (IOException notInstalled) {
            Map<String, Object> kustomization = map(new Yaml().load(Files.readString(K8S.resolve("kustomization.yaml"))));
            StringBuilder all = new StringBuilder();
            for (String file : strings(kustomization.get("resources"))) {
                all.append(Files.readString(K8S.resolve(file))).append("\n---\n");
            }
            return all.toString();
        }
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
