package org.ssoplatform.resourcereactive;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssoplatform.resourceserver.testing.ExamplesMatrix;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seed's example matrix over HTTP on WebFlux: the same cases resource-service runs on Spring MVC. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExamplesMatrixTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ssoplatform.resourceserver.testing.ExamplesMatrix#cases")
    void answersAsTheSeedDoes(ExamplesMatrix.Case expected) throws Exception {
        ExamplesMatrix.check(port, expected);
    }
}
