package org.ssoplatform.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.testing.TestTokens;
import org.ssoplatform.testsupport.SilentServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * auth-server hung (it accepts connections and never answers): a token whose keys the service has not fetched yet
 * costs the request less than 2 s, with the shipped JWKS timeout, and is a 503 problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DeadDependencyTests {

    private static final SilentServer AUTH_SERVER;

    static {
        try {
            AUTH_SERVER = new SilentServer();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void hungIssuer(DynamicPropertyRegistry registry) {
        registry.add("platform.resource-server.issuer-uri", AUTH_SERVER::url);
    }

    @AfterAll
    static void stop() throws IOException {
        AUTH_SERVER.close();
    }

    @Test
    void aTokenCheckedAgainstAHungAuthServerIsA503WithinTwoSeconds() {
        http.get().uri("/livez").exchange().expectStatus().isOk(); // the first request sets up the servlet
        String token = TestTokens.user("42").issue();
        long start = System.nanoTime();
        http.get().uri("/examples/jwt-only").header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
