package org.ssoplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * A Redis Cluster of real {@code redis-server} processes on free ports: three masters, each with one
 * replica, made by {@code redis-cli --cluster create}. For {@code spring.data.redis.cluster.nodes}:
 * {@link #nodes()}. All processes die with {@link #close()} or the JVM.
 */
public final class RedisClusterProcesses implements RedisTopology {

    /** One set of event loops for every administrative command of this JVM's test processes. */
    static final ClientResources RESOURCES = DefaultClientResources.create();

    private static final Duration NODE_TIMEOUT = Duration.ofMillis(1500);

    private final List<RedisProcess> processes;

    private RedisClusterProcesses(List<RedisProcess> processes) {
        this.processes = processes;
    }

    /** Three masters and three replicas, all slots served, every node agreeing the cluster is ok. */
    public static RedisClusterProcesses start() {
        List<RedisProcess> processes = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                processes.add(RedisProcess.server(List.of("--cluster-enabled", "yes", "--cluster-config-file",
                        "nodes.conf", "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT.toMillis()))));
            }
            List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            processes.forEach(process -> command.add(process.address()));
            command.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            run(command);
            RedisClusterProcesses cluster = new RedisClusterProcesses(processes);
            cluster.awaitHealthy(Duration.ofSeconds(20));
            return cluster;
        }
        catch (RuntimeException ex) {
            processes.forEach(RedisProcess::kill);
            throw ex;
        }
    }

    @Override
    public Map<String, String> springProperties() {
        return Map.of("spring.data.redis.cluster.nodes", nodes());
    }

    @Override
    public Map<String, Long> ttls(String pattern) {
        Map<String, Long> ttls = new TreeMap<>();
        masterPorts().forEach(port -> ttls.putAll(ttls(port, pattern)));
        return ttls;
    }

    /** Keys matching {@code pattern} on one server with their PTTL; KEYS is fine on a test's own server. */
    static Map<String, Long> ttls(int port, String pattern) {
        return command(port, redis -> {
            Map<String, Long> found = new TreeMap<>();
            redis.keys(pattern).forEach(key -> found.put(key, redis.pttl(key)));
            return found;
        });
    }

    /** {@code host:port,...} of every node. */
    public String nodes() {
        return processes.stream().map(RedisProcess::address).collect(Collectors.joining(","));
    }

    /** Ports of the nodes that are masters now. */
    public List<Integer> masterPorts() {
        List<Integer> masters = new ArrayList<>();
        for (RedisProcess process : processes) {
            if (process.isAlive() && "master".equals(role(process.port()))) {
                masters.add(process.port());
            }
        }
        return masters;
    }

    /**
     * A manual failover ({@code CLUSTER FAILOVER}) on a replica of the master serving {@code key}: the replica
     * takes over that master's slots and the old master becomes its replica. Returns once the replica says
     * it is master and the whole cluster is ok again.
     */
    @Override
    public void failoverMasterOf(String key) {
        int master = portServing(key);
        RedisProcess replica = processes.stream()
            .filter(process -> process.isAlive() && "slave".equals(role(process.port()))
                    && replicaOf(process.port()) == master)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no replica of " + master));
        command(replica.port(), redis -> redis.clusterFailover(false));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"master".equals(role(replica.port()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica " + replica.port() + " did not take over from " + master);
            }
            RedisProcess.sleep(50);
        }
        awaitHealthy(Duration.ofSeconds(15));
    }

    /** The port of the master serving {@code key}'s slot. */
    public int portServing(String key) {
        RedisProcess any = processes.stream().filter(RedisProcess::isAlive).findFirst().orElseThrow();
        long slot = command(any.port(), redis -> redis.clusterKeyslot(key));
        for (RedisProcess process : processes) {
            if (process.isAlive() && "master".equals(role(process.port()))) {
                String nodes = command(process.port(), RedisCommands::clusterNodes);
                for (String line : nodes.split("\n")) {
                    if (line.contains("myself") && servesSlot(line, slot)) {
                        return process.port();
                    }
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    @Override
    public void close() {
        processes.forEach(RedisProcess::kill);
    }

    private static boolean servesSlot(String nodesLine, long slot) {
        String[] fields = nodesLine.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String range = fields[i];
            if (range.startsWith("[")) {
                continue;
            }
            String[] bounds = range.split("-");
            long from = Long.parseLong(bounds[0]);
            long to = bounds.length > 1 ? Long.parseLong(bounds[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean healthy = processes.stream().filter(RedisProcess::isAlive).allMatch(process -> {
                String info = command(process.port(), RedisCommands::clusterInfo);
                return info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:16384");
            });
            if (healthy && masterPorts().size() == 3) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Redis Cluster not healthy within " + timeout);
            }
            RedisProcess.sleep(100);
        }
    }

    private static String role(int port) {
        try {
            return String.valueOf(command(port, RedisCommands::role).get(0));
        }
        catch (RuntimeException ex) {
            return "unreachable";
        }
    }

    private static int replicaOf(int port) {
        return ((Number) command(port, RedisCommands::role).get(2)).intValue();
    }

    static <T> T command(int port, Function<RedisCommands<String, String>, T> action) {
        RedisClient client = RedisClient.create(RESOURCES, RedisURI.builder().withHost("127.0.0.1").withPort(port)
            .withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return action.apply(connection.sync());
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot run redis-cli: install Debian's redis-tools package", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
