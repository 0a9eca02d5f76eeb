package org.ssoplatform.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for a Spring test: a Testcontainers one through {@code @ServiceConnection} where a
 * Docker engine runs, otherwise the machine's server or, where that does not answer, an embedded server
 * of this JVM's own ({@link TestServices}); always under a key namespace of this run's own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealRedis {

    @Bean(destroyMethod = "") // shared by every context: stopped by Ryuk at JVM exit
    @ServiceConnection(name = "redis")
    @Conditional(DockerConditions.DockerPresent.class)
    GenericContainer<?> redisContainer() {
        return SharedContainers.redis();
    }

    @Bean
    DynamicPropertyRegistrar redisNamespace() {
        return registry -> registry.add("platform.redis.namespace", MachineRedis::namespace);
    }

    @Bean
    @Conditional(DockerConditions.DockerAbsent.class)
    DynamicPropertyRegistrar machineRedis() {
        return registry -> {
            registry.add("spring.data.redis.host", MachineRedis::host);
            registry.add("spring.data.redis.port", MachineRedis::port);
        };
    }
}
