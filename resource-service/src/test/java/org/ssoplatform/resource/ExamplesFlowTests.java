package org.ssoplatform.resource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ssoplatform.resourceserver.testing.SeedCallers;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/** The service as a client reaches it: over HTTP, validating tokens itself, with no gateway in front. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ExamplesFlowTests {

    static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"";

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void aSignedInUserReachesTheJwtRoutesButNotTheKeyOnlyRoute() {
        get("/examples/jwt-only", SeedCallers.USER_JWT).expectStatus().isOk().expectBody().json("""
                {"message":"Success! You accessed this endpoint with JWT token","user_id":42,
                 "email":"ada@example.com","auth_type":"JWT"}""");
        get("/examples/either-auth", SeedCallers.USER_JWT).expectStatus().isOk()
            .expectBody().jsonPath("$.auth_type").isEqualTo("JWT");
        get("/examples/apikey-only", SeedCallers.USER_JWT).expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"This endpoint accepts only an API key\"")
            .expectBody().jsonPath("$.detail").isEqualTo("This endpoint accepts only an API key.");
    }

    @Test
    void anApiKeyCallerReachesTheKeyRoutesButNotTheJwtOnlyRoute() {
        get("/examples/apikey-only", SeedCallers.READ_KEY).expectStatus().isOk().expectBody().json("""
                {"message":"Success! You accessed this endpoint with API Key","user_id":42,
                 "email":"ada@example.com","auth_type":"API_KEY"}""");
        get("/examples/either-auth", SeedCallers.READ_KEY).expectStatus().isOk()
            .expectBody().jsonPath("$.auth_type").isEqualTo("API_KEY");
        get("/examples/jwt-only", SeedCallers.READ_KEY).expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("This endpoint accepts only a user JWT.");
    }

    @Test
    void aKeyGrantedOnlyUsersReadCanReadButNotWriteUsers() {
        get("/examples/read-users-permission", SeedCallers.READ_KEY).expectStatus().isOk()
            .expectBody().jsonPath("$.message").isEqualTo("You have permission to read users");
        get("/examples/write-users-permission", SeedCallers.READ_KEY).expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", "
                    + "error_description=\"The request requires higher privileges than provided by the access token\"")
            .expectBody().json("""
                    {"type":"about:blank","title":"Forbidden","status":403,"instance":"/examples/write-users-permission",
                     "detail":"The access token lacks a role, permission or scope this endpoint requires."}""");
    }

    @Test
    void theAdminRouteAdmitsAdminsAndForbidsEveryoneElse() {
        get("/examples/admin-only", SeedCallers.ADMIN_JWT).expectStatus().isOk()
            .expectBody().jsonPath("$.message").isEqualTo("Admin access granted");
        get("/examples/admin-only", SeedCallers.ADMIN_KEY).expectStatus().isOk();
        get("/examples/admin-only", SeedCallers.USER_JWT).expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutCredentialsProtectedRoutesAnswer401WithABareChallenge() {
        http.get().uri("/examples/either-auth").exchange().expectStatus().isUnauthorized()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void thePublicRouteAndHealthNeedNoToken() {
        http.get().uri("/examples/public").exchange().expectStatus().isOk().expectBody().json("""
                {"message":"This is a public endpoint - no authentication required","status":"public"}""");
        http.get().uri("/readyz").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void anUnknownRouteIsA404ProblemForAnAuthenticatedCaller() {
        get("/examples/nothing-here", SeedCallers.USER_JWT).expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void spoofedIdentityHeadersAreIgnored() {
        http.get().uri("/examples/either-auth").header("Authorization", "Bearer " + SeedCallers.USER_JWT)
            .header("X-User-Id", "1").header("X-Auth-Type", "API_KEY").header("X-Api-Key-Id", "8")
            .exchange().expectStatus().isOk()
            .expectBody().json("""
                    {"user_id":42,"email":"ada@example.com","auth_type":"JWT"}""");
        http.get().uri("/examples/jwt-only").header("X-User-Id", "1").header("X-Auth-Type", "JWT")
            .exchange().expectStatus().isUnauthorized();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void rejectedTokensAnswer401WithAnInvalidTokenChallenge(String what, String token) {
        get("/examples/either-auth", token).expectStatus().isUnauthorized()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, INVALID_TOKEN)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().json("""
                    {"type":"about:blank","title":"Unauthorized","status":401,"instance":"/examples/either-auth",
                     "detail":"The access token is invalid, expired, or not issued for this service."}""");
    }

    static Stream<Arguments> rejectedTokens() {
        String[] admin = TestTokens.user("1").roles("admin").issue().split("\\.");
        String elevated = encode(decode(admin[1]).replace("\"sub\":\"1\"", "\"sub\":\"2\""));
        return Stream.of(
                Arguments.of("tampered payload", admin[0] + "." + elevated + "." + admin[2]),
                Arguments.of("expired", TestTokens.user("42").expiresIn(Duration.ofMinutes(-5)).issue()),
                Arguments.of("wrong issuer", TestTokens.user("42").claim("iss", "http://attacker.example").issue()),
                Arguments.of("wrong audience", TestTokens.user("42").audience("another-api").issue()),
                Arguments.of("alg none", encode("{\"alg\":\"none\"}") + "." + admin[1] + "."));
    }

    private ResponseSpec get(String path, String token) {
        return http.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
