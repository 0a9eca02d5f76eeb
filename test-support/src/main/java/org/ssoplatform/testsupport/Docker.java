package org.ssoplatform.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM whether the real services come from Testcontainers or from the machine.
 * {@code PLATFORM_TEST_SERVICES=machine|containers} overrides the detection.
 */
public final class Docker {

    private static final boolean AVAILABLE = detect();

    private Docker() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        String forced = System.getenv("PLATFORM_TEST_SERVICES");
        if ("machine".equalsIgnoreCase(forced)) {
            return false;
        }
        if ("containers".equalsIgnoreCase(forced)) {
            return true;
        }
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false; // spares every run Testcontainers' failed probing of absent engines
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }
}
