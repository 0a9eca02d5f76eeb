package org.ssoplatform.resourceserver;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.support.Problems;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * auth-server is down: the service must still start (keys are fetched lazily), and a token it cannot check is a
 * 503 (a dependency is down), not a 500 and not the caller's fault.
 */
@WebMvcTest(TestRoutes.class)
class IssuerUnreachableTests {

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void unreachableIssuer(DynamicPropertyRegistry registry) throws IOException {
        String nobody = "http://127.0.0.1:" + closedPort();
        registry.add("platform.resource-server.issuer-uri", () -> nobody);
    }

    @Test
    void answers503ToATokenItCannotVerify() {
        Problems.assertProblem(mvc.get().uri("/any").header("Authorization", "Bearer " + TestTokens.user("42").issue())
            .exchange(), 503, "/any", "The access token cannot be verified right now; try again shortly.", null);
    }

    @Test
    void stillAnswers401WhenNoTokenIsSent() {
        Problems.assertUnauthenticated(mvc.get().uri("/any").exchange(), "/any");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
