package org.ssoplatform.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ssoplatform.embedded.EmbeddedPostgresServer;
import org.ssoplatform.embedded.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Which PostgreSQL and Redis a test JVM gets, seen from a fresh JVM per case (the choice is made once
 * per JVM from its environment). Servers started here stand in for "the machine's", so the cases do
 * not depend on what this machine runs.
 */
class TestServicesTests {

    private static EmbeddedPostgresServer machinePostgres;

    private static EmbeddedRedisServer machineRedis;

    @BeforeAll
    static void startStandIns() {
        machinePostgres = EmbeddedPostgresServer.throwaway();
        machineRedis = EmbeddedRedisServer.throwaway();
    }

    @AfterAll
    static void stopStandIns() {
        machineRedis.close();
        machinePostgres.close();
    }

    @Test
    void withNeitherDockerNorMachineServersTestsGetEmbeddedOnesWithAFreshDatabase() throws Exception {
        assumeFalse(Docker.available(), "with a Docker engine the tests use containers");
        int nothingPostgres = unusedPort();
        int nothingRedis = unusedPort();

        List<String> out = probe(Map.of("POSTGRES_PORT", String.valueOf(nothingPostgres), "REDIS_PORT",
                String.valueOf(nothingRedis)));

        assertThat(out).anyMatch(line -> line.startsWith("test-support: embedded PostgreSQL 17 on 127.0.0.1:")
                && line.endsWith("(no Docker engine, and nothing answers at 127.0.0.1:" + nothingPostgres
                        + " (POSTGRES_HOST/POSTGRES_PORT))"));
        assertThat(out).anyMatch(line -> line.startsWith("postgres EMBEDDED 127.0.0.1:")
                && !line.endsWith(":" + nothingPostgres));
        assertThat(out).anyMatch(line -> line.matches("database platform_test_\\d+_[0-9a-f]{8}"));
        assertThat(out).anyMatch(line -> line.startsWith("redis EMBEDDED 127.0.0.1:") && !line.endsWith(":" + nothingRedis));
        assertThat(out).contains("redis PONG");
    }

    @Test
    void machineServersThatAnswerAreUsedWithADatabaseOfTheRunsOwnDroppedAtExit() throws Exception {
        assumeFalse(Docker.available(), "with a Docker engine the tests use containers");

        List<String> out = probe(machineEnvironment());

        assertThat(out).contains("postgres MACHINE 127.0.0.1:" + machinePostgres.port(),
                "redis MACHINE 127.0.0.1:" + machineRedis.port(), "redis PONG");
        assertThat(out).noneMatch(line -> line.startsWith("test-support: embedded"));
        String database = out.stream().filter(line -> line.startsWith("database ")).findFirst().orElseThrow()
            .substring("database ".length());
        assertThat(databases()).doesNotContain(database);
    }

    @Test
    void platformTestServicesEmbeddedWinsOverAnsweringMachineServers() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(machineEnvironment());
        env.put("PLATFORM_TEST_SERVICES", "embedded");

        List<String> out = probe(env);

        assertThat(out).anyMatch(line -> line.startsWith("test-support: embedded PostgreSQL 17 on 127.0.0.1:")
                && line.endsWith("(PLATFORM_TEST_SERVICES=embedded)"));
        assertThat(out).anyMatch(line -> line.startsWith("postgres EMBEDDED 127.0.0.1:")
                && !line.endsWith(":" + machinePostgres.port()));
        assertThat(out).anyMatch(line -> line.startsWith("redis EMBEDDED 127.0.0.1:")
                && !line.endsWith(":" + machineRedis.port()));
        assertThat(out).contains("redis PONG");
    }

    @Test
    void anUnknownPlatformTestServicesValueIsNamedRatherThanIgnored() throws Exception {
        List<String> out = probe(Map.of("PLATFORM_TEST_SERVICES", "docker"));

        assertThat(out).anyMatch(line -> line.contains(
                "PLATFORM_TEST_SERVICES=docker: expected containers, machine or embedded"));
        assertThat(out).noneMatch(line -> line.startsWith("postgres "));
    }

    private static Map<String, String> machineEnvironment() {
        return Map.of("POSTGRES_HOST", "127.0.0.1", "POSTGRES_PORT", String.valueOf(machinePostgres.port()),
                "POSTGRES_USER", EmbeddedPostgresServer.SUPERUSER, "REDIS_HOST", "127.0.0.1", "REDIS_PORT",
                String.valueOf(machineRedis.port()));
    }

    private static List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(machinePostgres.jdbcUrl("postgres"),
                EmbeddedPostgresServer.SUPERUSER, "");
                ResultSet rs = connection.createStatement().executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs {@link Probe} in a fresh JVM with only {@code env} (beside PATH and HOME) and returns its output. */
    private static List<String> probe(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("POSTGRES_") || name.startsWith("REDIS_")
                || name.equals("PLATFORM_TEST_SERVICES") || name.equals("DOCKER_HOST"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().toList();
    }

    /** What a test JVM sees: where its services are, and that they answer. */
    static final class Probe {

        public static void main(String[] args) throws SQLException {
            System.out.println("postgres " + TestServices.postgres() + " " + MachinePostgres.host() + ":"
                    + MachinePostgres.port());
            try (Connection connection = DriverManager.getConnection(MachinePostgres.jdbcUrl(), MachinePostgres.user(),
                    MachinePostgres.password());
                    ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                rs.next();
                System.out.println("database " + rs.getString(1));
            }
            System.out.println("redis " + TestServices.redis() + " " + MachineRedis.host() + ":" + MachineRedis.port());
            RedisClient client = RedisClient.create(RedisURI.create(MachineRedis.host(), MachineRedis.port()));
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                System.out.println("redis " + connection.sync().ping());
            }
            finally {
                client.shutdown();
            }
        }
    }
}
