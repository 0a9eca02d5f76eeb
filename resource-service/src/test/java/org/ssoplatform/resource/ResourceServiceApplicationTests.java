package org.ssoplatform.resource;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServiceApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAreUpWithoutAToken() {
        RestClient http = RestClient.create("http://localhost:" + port);
        for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
            Map<String, Object> body = http.get().uri(path).retrieve().body(new ParameterizedTypeReference<>() {
            });
            assertThat(body).as(path).containsEntry("status", "UP");
        }
    }
}
