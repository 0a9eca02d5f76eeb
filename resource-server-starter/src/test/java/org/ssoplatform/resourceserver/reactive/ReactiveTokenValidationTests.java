package org.ssoplatform.resourceserver.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.support.Problems;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** On WebFlux too, only valid tokens of this issuer and audience get in, and each rejection has the platform's body. */
// A first request fetches the JWKS; a busy build machine can take longer than the client's default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@WebFluxTest(controllers = ReactiveTestRoutes.class, properties = "platform.resource-server.public-paths=/open")
class ReactiveTokenValidationTests {

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void acceptsATokenSignedByTheIssuerForThePlatformAudience() {
        call(TestTokens.user("42").issue()).expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("42");
    }

    @Test
    void answers401WithABareBearerChallengeWhenNoTokenIsSent() {
        Problems.assertUnauthenticated(http.get().uri("/any").exchange(), "/any");
    }

    @Test
    void servesPublicPathsWithoutAToken() {
        http.get().uri("/open").exchange().expectStatus().isOk().expectBody().json("{\"open\":true}");
    }

    @Test
    void rejectsExpiredForeignAndForgedTokens() {
        Problems.assertInvalidToken(call(TestTokens.user("42").expiresIn(Duration.ofMinutes(-5)).issue()), "/any");
        Problems.assertInvalidToken(call(TestTokens.user("42").claim("iss", "http://attacker.example").issue()), "/any");
        Problems.assertInvalidToken(call(TestTokens.user("42").audience("billing-api").issue()), "/any");
        String payload = TestTokens.user("42").roles("admin").issue().split("\\.")[1];
        Problems.assertInvalidToken(call(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + "."), "/any");
        Problems.assertInvalidToken(call("not-a-jwt"), "/any");
    }

    private ResponseSpec call(String token) {
        return http.get().uri("/any").header("Authorization", "Bearer " + token).exchange();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
