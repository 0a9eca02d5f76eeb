package org.ssoplatform.gateway.bearer;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.gateway.support.GatewayTest;
import org.ssoplatform.gateway.support.TestTokens;

/** Bearer JWTs are verified at the edge and relayed unchanged. */
class BearerValidationTests extends GatewayTest {

    @Test
    void expiredJwtIsRejectedWith401InvalidToken() {
        Instant past = Instant.now().minusSeconds(3600);
        String jwt = TestTokens.sign(TestTokens.userClaims(uniqueUser()).issueTime(Date.from(past.minusSeconds(60)))
            .expirationTime(Date.from(past)).build(), TestTokens.KEY);

        expectInvalidToken(call(jwt));
    }

    @Test
    void jwtFromAnotherIssuerIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).issuer("http://evil.test").build(),
                TestTokens.KEY)));
    }

    @Test
    void jwtForAnotherAudienceIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).audience(List.of("other-api")).build(),
                TestTokens.KEY)));
    }

    @Test
    void jwtWithAForgedSignatureIsRejectedWith401InvalidToken() {
        expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), TestTokens.FOREIGN_KEY)));
    }

    @Test
    void anAlteredCopyOfAnAcceptedTokenIsStillRejected() {
        String jwt = TestTokens.user(uniqueUser());
        call(jwt).expectStatus().isOk(); // now remembered as verified
        call(jwt).expectStatus().isOk();

        String[] parts = jwt.split("\\.");
        String otherClaims = TestTokens.user(uniqueUser()).split("\\.")[1];
        expectInvalidToken(call(parts[0] + "." + otherClaims + "." + parts[2]));
        int i = jwt.length() - 10; // inside the signature, away from its padding bits
        expectInvalidToken(call(jwt.substring(0, i) + (jwt.charAt(i) == 'A' ? 'B' : 'A') + jwt.substring(i + 1)));
    }

    @Test
    void garbageBearerTokenIsRejectedWith401InvalidToken() {
        expectInvalidToken(call("not-a-jwt"));
    }

    @Test
    void unknownKidRefetchesTheJwksAtMostOncePerCooldown() {
        call(TestTokens.user(uniqueUser())).expectStatus().isOk(); // keys are known
        int before = jwksDownloads();

        for (int i = 0; i < 5; i++) {
            expectInvalidToken(call(TestTokens.sign(TestTokens.userClaims(uniqueUser()).build(), TestTokens.UNKNOWN_KID_KEY)));
        }

        assertThat(jwksDownloads() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void validJwtIsRelayedUnchangedWithACorrelationId() {
        String jwt = TestTokens.user(uniqueUser());
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange()
            .expectStatus().isOk()
            .expectHeader().exists("X-Correlation-Id");

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + jwt);
        assertThat(received.getHeader("X-Correlation-Id")).isNotBlank();
    }

    private ResponseSpec call(String jwt) {
        return call(jwt, "/examples/bearer");
    }

    private ResponseSpec call(String jwt, String path) {
        return client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange();
    }

    private static void expectInvalidToken(ResponseSpec response) {
        response.expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
            .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    private static int jwksDownloads() {
        return STAND_INS.authServer.findAll(getRequestedFor(urlPathEqualTo("/oauth2/jwks"))).size();
    }

    private static String uniqueUser() {
        return "user-" + UUID.randomUUID();
    }
}
