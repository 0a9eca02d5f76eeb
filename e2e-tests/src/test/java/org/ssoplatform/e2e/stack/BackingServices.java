package org.ssoplatform.e2e.stack;

import java.util.HashMap;
import java.util.Map;

import org.ssoplatform.testsupport.Docker;
import org.ssoplatform.testsupport.MachinePostgres;
import org.ssoplatform.testsupport.MachineRedis;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The real PostgreSQL and Redis of a run, as the environment the apps get. Where a Docker engine
 * runs, fresh containers; otherwise the machine's servers or, where they do not answer, embedded ones
 * started by this JVM, with a database of this run's own (created and dropped by test-support's
 * {@link MachinePostgres}) and a Redis namespace of its own (deleted at exit by {@link MachineRedis}).
 * {@code PLATFORM_TEST_SERVICES=machine|containers|embedded} forces one, as for the other modules' tests.
 */
public final class BackingServices implements AutoCloseable {

    private final Map<String, String> env;

    private final AutoCloseable cleanup;

    private final String description;

    private BackingServices(Map<String, String> env, AutoCloseable cleanup, String description) {
        this.env = Map.copyOf(env);
        this.cleanup = cleanup;
        this.description = description;
    }

    public static BackingServices start() {
        return Docker.available() ? containers() : machine();
    }

    /** POSTGRES_* and REDIS_* and PLATFORM_REDIS_NAMESPACE, as every app reads them. */
    public Map<String, String> env() {
        return env;
    }

    public String redisHost() {
        return env.get("REDIS_HOST");
    }

    public int redisPort() {
        return Integer.parseInt(env.get("REDIS_PORT"));
    }

    public String namespace() {
        return env.get("PLATFORM_REDIS_NAMESPACE");
    }

    @Override
    public String toString() {
        return description;
    }

    private static BackingServices machine() {
        String url = MachinePostgres.jdbcUrl(); // creates the run's database; dropped at JVM exit
        String database = url.substring(url.lastIndexOf('/') + 1);
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", MachinePostgres.host());
        env.put("POSTGRES_PORT", MachinePostgres.port());
        env.put("POSTGRES_DB", database);
        env.put("POSTGRES_USER", MachinePostgres.user());
        env.put("POSTGRES_PASSWORD", MachinePostgres.password());
        env.put("REDIS_HOST", MachineRedis.host());
        env.put("REDIS_PORT", String.valueOf(MachineRedis.port()));
        env.put("PLATFORM_REDIS_NAMESPACE", MachineRedis.namespace()); // its keys are deleted at JVM exit
        return new BackingServices(env, () -> {
        }, (MachinePostgres.embedded() ? "embedded" : "machine") + " PostgreSQL database " + database + " at "
                + MachinePostgres.host() + ":" + MachinePostgres.port() + ", "
                + (MachineRedis.embedded() ? "embedded" : "machine") + " Redis namespace " + MachineRedis.namespace()
                + " at " + MachineRedis.host() + ":" + MachineRedis.port());
    }

    private static BackingServices containers() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        postgres.start();
        redis.start();
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", postgres.getHost());
        env.put("POSTGRES_PORT", String.valueOf(postgres.getMappedPort(5432)));
        env.put("POSTGRES_DB", postgres.getDatabaseName());
        env.put("POSTGRES_USER", postgres.getUsername());
        env.put("POSTGRES_PASSWORD", postgres.getPassword());
        env.put("REDIS_HOST", redis.getHost());
        env.put("REDIS_PORT", String.valueOf(redis.getMappedPort(6379)));
        env.put("PLATFORM_REDIS_NAMESPACE", MachineRedis.namespace());
        return new BackingServices(env, () -> {
            redis.stop();
            postgres.stop();
        }, "PostgreSQL and Redis containers");
    }

    @Override
    public void close() throws Exception {
        cleanup.close();
    }
}
