package org.ssoplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.testsupport.RealRedis;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealRedis.class)
class GatewayApplicationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAreUpOnTheApplicationPortAndHealthOnTheManagementPort() {
        for (String path : new String[] { "/livez", "/readyz" }) {
            client(port).get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
        client(managementPort).get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAreOnTheManagementPortOnly() {
        client(managementPort).get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client(port).get().uri("/actuator/prometheus").exchange().expectStatus().value(status ->
            assertThat(status).as("not served on the application's port").isIn(401, 404));
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20)) // the first call also opens the Redis connection
            .build();
    }
}
