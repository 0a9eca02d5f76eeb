package org.ssoplatform.resource;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServiceApplicationTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void healthLivenessAndReadinessAreUpWithoutAToken() {
        for (String url : new String[] { "http://localhost:" + port + "/livez", "http://localhost:" + port + "/readyz",
                "http://localhost:" + managementPort + "/actuator/health" }) {
            Map<String, Object> body = RestClient.create().get().uri(url).retrieve().body(new ParameterizedTypeReference<>() {
            });
            assertThat(body).as(url).containsEntry("status", "UP");
        }
    }
}
