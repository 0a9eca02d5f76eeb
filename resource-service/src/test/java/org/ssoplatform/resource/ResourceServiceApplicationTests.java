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
        RestClient probes = RestClient.create("http://localhost:" + port);
        RestClient management = RestClient.create("http://localhost:" + managementPort);
        for (String path : new String[] { "/livez", "/readyz", "management:/actuator/health" }) {
            RestClient http = path.startsWith("management:") ? management : probes;
            path = path.replace("management:", "");
            Map<String, Object> body = http.get().uri(path).retrieve().body(new ParameterizedTypeReference<>() {
            });
            assertThat(body).as(path).containsEntry("status", "UP");
        }
    }
}
