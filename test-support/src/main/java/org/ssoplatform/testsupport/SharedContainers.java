package org.ssoplatform.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** One container of each kind per JVM, shared by every test context (Ryuk removes them). */
final class SharedContainers {

    private static PostgreSQLContainer postgres;

    private static GenericContainer<?> redis;

    private SharedContainers() {
    }

    static synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:17-alpine");
            postgres.start();
        }
        return postgres;
    }

    static synchronized GenericContainer<?> redis() {
        if (redis == null) {
            redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
        }
        return redis;
    }
}
