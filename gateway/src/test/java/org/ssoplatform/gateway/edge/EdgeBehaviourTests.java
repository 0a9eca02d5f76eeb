package org.ssoplatform.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/** What every request gets: owned headers stripped, correlation ids, CORS, security headers, limits. */
class EdgeBehaviourTests extends SharedGateway {

    @Test
    void callersCorrelationIdIsKeptAndEchoed() {
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user(uniqueUser()))
            .header("X-Correlation-Id", "abc-123").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Correlation-Id", "abc-123");

        assertThat(backendReceived(path).get(0).getHeader("X-Correlation-Id")).isEqualTo("abc-123");
    }

    @Test
    void aMissingOrUnacceptableCorrelationIdIsReplacedByANewUuid() {
        String path = uniqueBackendPath();
        String jwt = TestTokens.user(uniqueUser());

        String first = client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange()
            .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        String second = client().get().uri(path).header("Authorization", "Bearer " + jwt)
            .header("X-Correlation-Id", "text\twith a tab").exchange()
            .expectStatus().isOk().returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(List.of(first, second)).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
        assertThat(first).isNotEqualTo(second);
        assertThat(backendReceived(path)).extracting(request -> request.getHeader("X-Correlation-Id"))
            .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void spoofedOwnedHeadersAreStrippedBeforeTheBackend() {
        String path = uniqueBackendPath();

        client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user(uniqueUser()))
            .header("X-User-Id", "1").header("X-Auth-Type", "API_KEY").header("X-Api-Key-Id", "9")
            .exchange().expectStatus().isOk();

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.containsHeader("X-User-Id")).isFalse();
        assertThat(received.containsHeader("X-Auth-Type")).isFalse();
        assertThat(received.containsHeader("X-Api-Key-Id")).isFalse();
    }

    @Test
    void aCredentialWithAControlCharacterIsRefusedByTheFirewall() {
        String path = uniqueBackendPath();

        client().get().uri(path).header("X-API-Key", "ssop_live_next\u0085line").exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(String.class).value(body -> assertThat(body).doesNotContain("ssop_live"));
        client().get().uri(path).header("Authorization", "Bearer next\u0085line").exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(backendReceived(path)).isEmpty();
    }

    @Test
    void aPublicPathWithAnEncodedTraversalIsRefusedByTheFirewall() {
        String path = uniqueBackendPath();
        String traversal = path.replaceFirst("^/examples/", "/examples/public/%2e%2e/");

        client().get().uri(URI.create("http://127.0.0.1:" + port + traversal)).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/%2e%2e/users")).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(backendReceived(path)).isEmpty();
    }

    @Test
    void protectedRouteWithoutCredentialsGets401WithBearerChallenge() {
        client().get().uri("/examples/private").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
            .expectBody().jsonPath("$.title").isEqualTo("Unauthorized").jsonPath("$.correlationId").exists();
    }

    @Test
    void publicRoutesNeedNoCredentials() {
        client().get().uri("/examples/public").exchange().expectStatus().isOk()
            .expectHeader().doesNotExist("RateLimit-Limit"); // anonymous callers are not limited per caller
        client().post().uri("/api/v1/auth/login").exchange().expectStatus().isOk();
    }

    @Test
    void userTrafficIsRateLimitedWithRateLimitHeaders() {
        String jwt = TestTokens.user(uniqueUser());
        for (int i = 0; i < 5; i++) {
            call(jwt).expectStatus().isOk().expectHeader().valueEquals("RateLimit-Limit", "5");
        }

        call(jwt).expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*")
            .expectHeader().valueEquals("RateLimit-Remaining", "0")
            .expectHeader().valueMatches("RateLimit-Reset", "[1-9][0-9]*");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        call(TestTokens.user(uniqueUser())).expectStatus().isOk()
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueEquals("X-Frame-Options", "DENY")
            .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
            .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
            .expectHeader().valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate")
            .expectHeader().doesNotExist("Strict-Transport-Security"); // plain HTTP here
    }

    @Test
    void refusalsCarrySecurityHeadersToo() {
        client().get().uri("/examples/refused").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void hopByHopAndForwardingHeadersStayOnTheirOwnHop() {
        String path = "/examples/hop-by-hop";
        STAND_INS.backend.stubFor(get(path).willReturn(okJson("{}").withHeader("Proxy-Authenticate", "Basic")
            .withHeader("X-Backend", "kept")));

        client().get().uri(path).header("Authorization", "Bearer " + TestTokens.user(uniqueUser()))
            .header("Proxy-Authorization", "Basic c2VjcmV0").header("Forwarded", "for=203.0.113.7")
            .header("X-Forwarded-For", "203.0.113.7").header("X-Caller", "kept").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Backend", "kept")
            .expectHeader().doesNotExist("Proxy-Authenticate");

        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.getHeader("X-Caller")).isEqualTo("kept");
        assertThat(received.getHeader("X-Correlation-Id")).isNotBlank();
        assertThat(received.containsHeader("Proxy-Authorization")).isFalse();
        assertThat(received.containsHeader("Forwarded")).isFalse();
        assertThat(received.getHeader("X-Forwarded-For")).as("the client as the gateway saw it, not as it claimed")
            .isEqualTo("127.0.0.1");
    }

    @Test
    void aBackendsOwnCachingAndFramingHeadersWin() {
        String path = "/examples/cacheable";
        STAND_INS.backend.stubFor(get(path).willReturn(okJson("{}").withHeader("Cache-Control", "max-age=60")
            .withHeader("X-Frame-Options", "SAMEORIGIN")));
        call(TestTokens.user(uniqueUser()), path).expectStatus().isOk()
            .expectHeader().valueEquals("Cache-Control", "max-age=60")
            .expectHeader().doesNotExist("Pragma")
            .expectHeader().valueEquals("X-Frame-Options", "SAMEORIGIN")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAllowsThePortalOriginOnly() {
        client().options().uri("/examples/anything").header("Origin", "http://localhost:8080")
            .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "X-API-Key")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8080");
        client().options().uri("/examples/anything").header("Origin", "http://evil.test")
            .header("Access-Control-Request-Method", "GET").exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void aPublicPathStillRefusesABadCredential() {
        client().get().uri("/examples/public").header("Authorization", "Bearer not-a-token").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri("/examples/public").header("X-API-Key", "not-a-key").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void corsAppliesToRequestsCarryingOnlyAnApiKey() {
        String path = uniqueBackendPath();

        client().get().uri(path).header("Origin", "http://localhost:8080").header("X-API-Key", "not-a-key").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8080")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().get().uri(path).header("Origin", "http://evil.test").header("X-API-Key", ApiKeyFormat.generate())
            .exchange()
            .expectStatus().isForbidden();

        assertThat(backendReceived(path)).isEmpty();
    }

    @Test
    void aGoodKeyOnAPublicPathIsRelayedAsItsBearerToken() {
        String key = ApiKeyFormat.generate();
        String jwt = TestTokens.apiKeyToken("301", Duration.ofMinutes(5));
        STAND_INS.exchangeIssues(key, jwt);
        String path = "/examples/public";
        int before = backendReceived(path).size();

        client().get().uri(path).header("X-API-Key", key).exchange()
            .expectStatus().isOk()
            .expectHeader().exists("RateLimit-Remaining");

        LoggedRequest received = backendReceived(path).get(before);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + jwt);
        assertThat(received.containsHeader("X-API-Key")).isFalse();
    }

    @Test
    void corsOnAPublicPathAllowsThePortalOriginOnly() {
        client().options().uri("/examples/public").header("Origin", "http://localhost:8080")
            .header("Access-Control-Request-Method", "GET").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:8080");
        client().get().uri("/examples/public").header("Origin", "http://evil.test").exchange()
            .expectStatus().isForbidden();
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        call(TestTokens.user(uniqueUser()), "/nowhere").expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseSpec call(String jwt) {
        return call(jwt, "/examples/bearer");
    }

    private ResponseSpec call(String jwt, String path) {
        return client().get().uri(path).header("Authorization", "Bearer " + jwt).exchange();
    }

    private static String uniqueUser() {
        return "user-" + UUID.randomUUID();
    }
}
