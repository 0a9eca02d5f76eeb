package org.ssoplatform.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.lettuce.core.sentinel.api.sync.RedisSentinelCommands;

/**
 * A master, its replica and one sentinel (quorum one), real {@code redis-server} processes on free ports
 * (the sentinel is {@code redis-server --sentinel}, so Debian's {@code redis-sentinel} package is not
 * needed). For {@code spring.data.redis.sentinel.master} and {@code .nodes}: {@link #masterName()},
 * {@link #sentinelNodes()}. All processes die with {@link #close()} or the JVM.
 */
public final class RedisSentinelProcesses implements RedisTopology {

    private static final String MASTER_NAME = "platform";

    private final RedisProcess first;

    private final RedisProcess second;

    private final RedisProcess sentinel;

    private RedisSentinelProcesses(RedisProcess first, RedisProcess second, RedisProcess sentinel) {
        this.first = first;
        this.second = second;
        this.sentinel = sentinel;
    }

    public static RedisSentinelProcesses start() {
        RedisProcess master = RedisProcess.server(List.of());
        RedisProcess replica = null;
        try {
            replica = RedisProcess.server(List.of("--replicaof", "127.0.0.1", String.valueOf(master.port())));
            awaitReplicating(replica.port());
            RedisProcess sentinel = RedisProcess.sentinel(MASTER_NAME, master.port(), Duration.ofSeconds(1));
            RedisSentinelProcesses set = new RedisSentinelProcesses(master, replica, sentinel);
            set.awaitSentinelSeesReplica();
            return set;
        }
        catch (RuntimeException ex) {
            master.kill();
            if (replica != null) {
                replica.kill();
            }
            throw ex;
        }
    }

    @Override
    public Map<String, String> springProperties() {
        return Map.of("spring.data.redis.sentinel.master", MASTER_NAME, "spring.data.redis.sentinel.nodes",
                sentinelNodes());
    }

    @Override
    public Map<String, Long> ttls(String pattern) {
        return RedisClusterProcesses.ttls(masterPort(), pattern);
    }

    /** One master serves every key here: {@link #failover()}. */
    @Override
    public void failoverMasterOf(String key) {
        failover();
    }

    public String masterName() {
        return MASTER_NAME;
    }

    /** {@code host:port} of the sentinel. */
    public String sentinelNodes() {
        return sentinel.address();
    }

    /** The port of the master as the sentinel sees it now. */
    public int masterPort() {
        return withSentinel(commands -> ((InetSocketAddress) commands.getMasterAddrByName(MASTER_NAME)).getPort());
    }

    /**
     * {@code SENTINEL FAILOVER}: the replica is promoted and the old master made its replica; returns once the
     * sentinel names the new master and that server says it is master.
     */
    public void failover() {
        int before = masterPort();
        withSentinel(commands -> commands.failover(MASTER_NAME));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            int now = masterPort();
            if (now != before && "master".equals(role(now))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sentinel failover from " + before + " did not complete");
            }
            RedisProcess.sleep(50);
        }
    }

    @Override
    public void close() {
        sentinel.kill();
        second.kill();
        first.kill();
    }

    private void awaitSentinelSeesReplica() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (withSentinel(commands -> commands.replicas(MASTER_NAME)).stream()
            .noneMatch(replica -> String.valueOf(replica.get("flags")).equals("slave"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sentinel did not discover the replica");
            }
            RedisProcess.sleep(100);
        }
    }

    private static void awaitReplicating(int replicaPort) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!RedisClusterProcesses.command(replicaPort, commands -> commands.info("replication"))
            .contains("master_link_status:up")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica on " + replicaPort + " did not sync");
            }
            RedisProcess.sleep(50);
        }
    }

    private static String role(int port) {
        try {
            return String.valueOf(RedisClusterProcesses.command(port, commands -> commands.role()).get(0));
        }
        catch (RuntimeException ex) {
            return "unreachable";
        }
    }

    private <T> T withSentinel(Function<RedisSentinelCommands<String, String>, T> action) {
        RedisClient client = RedisClient.create(RedisClusterProcesses.RESOURCES, RedisURI.builder()
            .withHost("127.0.0.1").withPort(sentinel.port()).withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel()) {
            return action.apply(connection.sync());
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
