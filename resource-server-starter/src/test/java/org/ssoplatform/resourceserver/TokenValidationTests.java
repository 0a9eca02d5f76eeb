package org.ssoplatform.resourceserver;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.support.Problems;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Only tokens signed by the issuer's keys, for this issuer and audience, and still valid, get in. */
@WebMvcTest(controllers = TestRoutes.class, properties = "platform.resource-server.public-paths=/open")
class TokenValidationTests {

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void acceptsATokenSignedByTheIssuerForThePlatformAudience() {
        MvcTestResult result = call(TestTokens.user("42").email("ada@example.com").issue());
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.userId").isEqualTo("42");
    }

    @Test
    void answers401WithABareBearerChallengeWhenNoTokenIsSent() {
        Problems.assertUnauthenticated(mvc.get().uri("/any").exchange(), "/any");
    }

    @Test
    void servesPublicPathsWithoutAToken() {
        assertThat(mvc.get().uri("/open").exchange()).hasStatusOk().bodyJson().isEqualTo("{\"open\":true}");
    }

    @Test
    void rejectsATokenWhosePayloadWasAlteredAfterSigning() {
        String[] parts = TestTokens.user("42").roles("user").issue().split("\\.");
        String forged = encode(decode(parts[1]).replace("\"sub\":\"42\"", "\"sub\":\"1\""));
        assertThat(forged).isNotEqualTo(parts[1]);
        Problems.assertInvalidToken(call(parts[0] + "." + forged + "." + parts[2]), "/any");
    }

    @Test
    void rejectsAnExpiredToken() {
        Problems.assertInvalidToken(call(TestTokens.user("42").expiresIn(Duration.ofMinutes(-5)).issue()), "/any");
    }

    @Test
    void toleratesExpiryWithinTheConfiguredClockSkew() {
        assertThat(call(TestTokens.user("42").expiresIn(Duration.ofSeconds(-5)).issue())).hasStatusOk();
    }

    @Test
    void rejectsATokenSignedWithTheRightKeyButNamingAnotherIssuer() {
        String token = TestTokens.user("42").claim("iss", "http://attacker.example").issue();
        assertThat(decode(token.split("\\.")[1])).contains("\"iss\":\"http://attacker.example\"");
        Problems.assertInvalidToken(call(token), "/any");
    }

    @Test
    void rejectsATokenIssuedForAnotherAudience() {
        Problems.assertInvalidToken(call(TestTokens.user("42").audience("billing-api").issue()), "/any");
    }

    @Test
    void rejectsAnUnsignedAlgNoneToken() {
        String payload = TestTokens.user("42").roles("admin").issue().split("\\.")[1];
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        Problems.assertInvalidToken(call(unsigned), "/any");
    }

    @Test
    void rejectsAnHmacSignedTokenEvenWithValidClaims() throws Exception {
        String payload = decode(TestTokens.user("42").issue().split("\\.")[1]);
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(payload));
        hmac.sign(new MACSigner("a-shared-secret-that-is-at-least-256-bits-long".getBytes(StandardCharsets.UTF_8)));
        Problems.assertInvalidToken(call(hmac.serialize()), "/any");
    }

    @Test
    void rejectsSomethingThatIsNotAJwt() {
        Problems.assertInvalidToken(call("not-a-jwt"), "/any");
    }

    @Test
    void neverEchoesTheTokenOrItsClaimsInTheErrorResponse() throws Exception {
        String token = TestTokens.user("42").email("secret-person@example.com").expiresIn(Duration.ofMinutes(-5)).issue();
        MvcTestResult result = call(token);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8)
                + result.getResponse().getHeader("WWW-Authenticate");
        assertThat(body).doesNotContain(token.split("\\.")[1]).doesNotContain("secret-person")
            .doesNotContain(TestTokens.issuerUri()).doesNotContainIgnoringCase("exception").doesNotContain("expired at");
    }

    private MvcTestResult call(String token) {
        return mvc.get().uri("/any").header("Authorization", "Bearer " + token).exchange();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
