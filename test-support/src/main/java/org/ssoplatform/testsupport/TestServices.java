package org.ssoplatform.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * Where this test JVM's PostgreSQL and Redis come from, decided once per JVM and per service:
 * Testcontainers where a Docker engine runs; otherwise the machine's server where it answers; otherwise
 * an embedded server (real binaries shipped in Maven artifacts) started for this JVM.
 * {@code PLATFORM_TEST_SERVICES=containers|machine|embedded} forces one source for both.
 */
public final class TestServices {

    /** Where a service comes from. */
    public enum Source {
        CONTAINERS, MACHINE, EMBEDDED
    }

    private static Source postgres;

    private static Source redis;

    private TestServices() {
    }

    public static synchronized Source postgres() {
        if (postgres == null) {
            postgres = decide(MachinePostgres.configuredHost(), Integer.parseInt(MachinePostgres.configuredPort()));
        }
        return postgres;
    }

    public static synchronized Source redis() {
        if (redis == null) {
            redis = decide(MachineRedis.configuredHost(), MachineRedis.configuredPort());
        }
        return redis;
    }

    /** Redis's source if some test already asked for it, else null (nothing to clean up). */
    static synchronized Source redisIfDecided() {
        return redis;
    }

    /** The source {@code PLATFORM_TEST_SERVICES} forces, or null to detect. */
    static Source forced() {
        String value = System.getenv("PLATFORM_TEST_SERVICES");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Source.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "PLATFORM_TEST_SERVICES=" + value + ": expected containers, machine or embedded", ex);
        }
    }

    private static Source decide(String host, int port) {
        Source forced = forced();
        if (forced != null) {
            return forced;
        }
        if (Docker.available()) {
            return Source.CONTAINERS;
        }
        return answers(host, port) ? Source.MACHINE : Source.EMBEDDED;
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
