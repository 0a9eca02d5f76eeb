package org.ssoplatform.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.testsupport.RealRedis;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RealRedis.class)
class GatewayApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAreUp() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20)) // the first call also opens the Redis connection
            .build();
        for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
            http.get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }
}
