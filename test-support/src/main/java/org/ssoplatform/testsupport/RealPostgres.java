package org.ssoplatform.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for a Spring test: a Testcontainers one through {@code @ServiceConnection}
 * where a Docker engine runs, otherwise a fresh database on the machine's server or, where that does
 * not answer, on an embedded server of this JVM's own ({@link TestServices}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealPostgres {

    @Bean(destroyMethod = "") // shared by every context: stopped by Ryuk at JVM exit
    @ServiceConnection
    @Conditional(DockerConditions.DockerPresent.class)
    PostgreSQLContainer postgresContainer() {
        return SharedContainers.postgres();
    }

    @Bean
    @Conditional(DockerConditions.DockerAbsent.class)
    DynamicPropertyRegistrar machinePostgres() {
        return registry -> {
            registry.add("spring.datasource.url", MachinePostgres::jdbcUrl);
            registry.add("spring.datasource.username", MachinePostgres::user);
            registry.add("spring.datasource.password", MachinePostgres::password);
        };
    }
}
