package org.ssoplatform.auth;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import org.ssoplatform.testsupport.RealPostgres;
import org.ssoplatform.testsupport.RealRedis;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ RealPostgres.class, RealRedis.class })
@ActiveProfiles("test")
class AuthServerApplicationTests {

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAreUpWithoutAuthentication() {
        RestClient http = RestClient.create("http://localhost:" + port);
        for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" }) {
            Map<String, Object> body = http.get().uri(path).retrieve().body(new ParameterizedTypeReference<>() {
            });
            assertThat(body).as(path).containsEntry("status", "UP");
        }
    }
}
