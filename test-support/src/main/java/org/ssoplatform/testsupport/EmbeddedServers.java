package org.ssoplatform.testsupport;

import org.ssoplatform.embedded.EmbeddedPostgresServer;
import org.ssoplatform.embedded.EmbeddedRedisServer;

/**
 * The embedded PostgreSQL and Redis of this test JVM: at most one of each, started on first use on a
 * free port, stopped (and their data deleted) when the JVM exits, by the shutdown hooks both libraries
 * register.
 */
final class EmbeddedServers {

    private static EmbeddedPostgresServer postgres;

    private static EmbeddedRedisServer redis;

    private EmbeddedServers() {
    }

    static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            long begin = System.nanoTime();
            postgres = EmbeddedPostgresServer.throwaway();
            announce("PostgreSQL " + EmbeddedPostgresServer.VERSION, postgres.port(), begin, "POSTGRES_HOST/POSTGRES_PORT",
                    MachinePostgres.configuredHost() + ":" + MachinePostgres.configuredPort());
        }
        return postgres;
    }

    static synchronized EmbeddedRedisServer redis() {
        if (redis == null) {
            long begin = System.nanoTime();
            redis = EmbeddedRedisServer.throwaway();
            announce("Redis " + EmbeddedRedisServer.VERSION, redis.port(), begin, "REDIS_HOST/REDIS_PORT",
                    MachineRedis.configuredHost() + ":" + MachineRedis.configuredPort());
        }
        return redis;
    }

    private static void announce(String what, int port, long begin, String variables, String machine) {
        String why = TestServices.forced() == TestServices.Source.EMBEDDED ? "PLATFORM_TEST_SERVICES=embedded"
                : "no Docker engine, and nothing answers at " + machine + " (" + variables + ")";
        System.out.printf("test-support: embedded %s on 127.0.0.1:%d for this JVM, started in %d ms (%s)%n", what, port,
                (System.nanoTime() - begin) / 1_000_000, why);
    }
}
