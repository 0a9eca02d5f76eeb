package org.ssoplatform.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM whether the real services come from Testcontainers, or from outside Docker
 * (the machine's servers or embedded ones: {@link TestServices}). {@code PLATFORM_TEST_SERVICES}
 * overrides the detection: {@code containers} means Docker, {@code machine} and {@code embedded} not.
 */
public final class Docker {

    private static final boolean AVAILABLE = detect();

    private Docker() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        TestServices.Source forced = TestServices.forced();
        if (forced != null) {
            return forced == TestServices.Source.CONTAINERS;
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
