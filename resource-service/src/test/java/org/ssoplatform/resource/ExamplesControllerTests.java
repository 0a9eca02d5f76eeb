package org.ssoplatform.resource;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ssoplatform.resourceserver.testing.SeedCallers;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's example routes against every kind of caller, with the seed's bodies. */
@WebMvcTest(ExamplesController.class)
class ExamplesControllerTests {

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @ParameterizedTest(name = "{0} with {1} answers {2}")
    @CsvSource(textBlock = """
            /examples/jwt-only,               USER_JWT,  200
            /examples/jwt-only,               ADMIN_JWT, 200
            /examples/jwt-only,               READ_KEY,  401
            /examples/jwt-only,               ADMIN_KEY, 401
            /examples/apikey-only,            USER_JWT,  401
            /examples/apikey-only,            ADMIN_JWT, 401
            /examples/apikey-only,            READ_KEY,  200
            /examples/apikey-only,            ADMIN_KEY, 200
            /examples/either-auth,            USER_JWT,  200
            /examples/either-auth,            ADMIN_JWT, 200
            /examples/either-auth,            READ_KEY,  200
            /examples/either-auth,            ADMIN_KEY, 200
            /examples/admin-only,             USER_JWT,  403
            /examples/admin-only,             ADMIN_JWT, 200
            /examples/admin-only,             READ_KEY,  403
            /examples/admin-only,             ADMIN_KEY, 200
            /examples/read-users-permission,  USER_JWT,  200
            /examples/read-users-permission,  ADMIN_JWT, 200
            /examples/read-users-permission,  READ_KEY,  200
            /examples/read-users-permission,  ADMIN_KEY, 200
            /examples/write-users-permission, USER_JWT,  403
            /examples/write-users-permission, ADMIN_JWT, 200
            /examples/write-users-permission, READ_KEY,  403
            /examples/write-users-permission, ADMIN_KEY, 200
            /examples/public,                 USER_JWT,  200
            /examples/public,                 READ_KEY,  200
            """)
    void everyRouteAnswersEveryKindOfCallerAsTheSeedDoes(String path, String caller, int status) {
        MvcTestResult result = get(path, SeedCallers.token(caller));
        assertThat(result).hasStatus(status);
        if (status == 401) {
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, wrongKindChallenge(path));
        }
        if (status == 403) {
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.status").isEqualTo(403);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/examples/jwt-only", "/examples/apikey-only", "/examples/either-auth",
            "/examples/admin-only", "/examples/read-users-permission", "/examples/write-users-permission" })
    void everyProtectedRouteAnswers401WithoutCredentials(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatus(401).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"type":"about:blank","title":"Unauthorized","status":401,"instance":"%s",
                 "detail":"Authentication is required: send an access token as 'Authorization: Bearer <token>'."}"""
            .formatted(path));
    }

    @Test
    void publicRouteAnswersWithoutCredentials() {
        assertThat(mvc.get().uri("/examples/public").exchange()).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"This is a public endpoint - no authentication required","status":"public"}""");
    }

    @Test
    void jwtOnlyRouteAnswersAUserJwtWithTheCallersIdentity() {
        assertThat(get("/examples/jwt-only", SeedCallers.USER_JWT)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"Success! You accessed this endpoint with JWT token","user_id":42,
                 "email":"ada@example.com","auth_type":"JWT"}""");
    }

    @Test
    void jwtOnlyRouteAnswers401ToAnApiKeyToken() {
        assertThat(get("/examples/jwt-only", SeedCallers.READ_KEY)).hasStatus(401).bodyJson().isStrictlyEqualTo("""
                {"type":"about:blank","title":"Unauthorized","status":401,"instance":"/examples/jwt-only",
                 "detail":"This endpoint accepts only a user JWT."}""");
    }

    @Test
    void apiKeyOnlyRouteAnswersAnApiKeyTokenWithTheKeyOwnersIdentity() {
        assertThat(get("/examples/apikey-only", SeedCallers.READ_KEY)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"Success! You accessed this endpoint with API Key","user_id":42,
                 "email":"ada@example.com","auth_type":"API_KEY"}""");
    }

    @Test
    void apiKeyOnlyRouteAnswers401ToAUserJwt() {
        assertThat(get("/examples/apikey-only", SeedCallers.USER_JWT)).hasStatus(401).bodyJson().isStrictlyEqualTo("""
                {"type":"about:blank","title":"Unauthorized","status":401,"instance":"/examples/apikey-only",
                 "detail":"This endpoint accepts only an API key."}""");
    }

    @Test
    void eitherAuthRouteSaysWhichCredentialWasUsed() {
        assertThat(get("/examples/either-auth", SeedCallers.USER_JWT)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"Success! You accessed this endpoint with JWT token","user_id":42,
                 "email":"ada@example.com","auth_type":"JWT"}""");
        assertThat(get("/examples/either-auth", SeedCallers.ADMIN_KEY)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"Success! You accessed this endpoint with API Key","user_id":1,
                 "email":"grace@example.com","auth_type":"API_KEY"}""");
    }

    @Test
    void adminOnlyRouteAnswersAnAdmin() {
        assertThat(get("/examples/admin-only", SeedCallers.ADMIN_JWT)).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"message":"Admin access granted","user_id":1,"email":"grace@example.com","auth_type":"JWT"}""");
    }

    @Test
    void adminOnlyRouteAnswers403WithoutTheAdminRole() {
        MvcTestResult result = get("/examples/admin-only", SeedCallers.USER_JWT);
        assertThat(result).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"type":"about:blank","title":"Forbidden","status":403,"instance":"/examples/admin-only",
                 "detail":"The access token lacks a role, permission or scope this endpoint requires."}""");
    }

    @Test
    void readUsersRouteAnswersAKeyGrantedUsersRead() {
        assertThat(get("/examples/read-users-permission", SeedCallers.READ_KEY)).hasStatusOk().bodyJson()
            .isStrictlyEqualTo("""
                    {"message":"You have permission to read users","user_id":42,"email":"ada@example.com",
                     "auth_type":"API_KEY"}""");
    }

    @Test
    void readUsersRouteAnswers403WithoutThePermission() {
        String noGrants = TestTokens.user("5").email("new@example.com").roles().permissions().issue();
        assertThat(get("/examples/read-users-permission", noGrants)).hasStatus(403);
    }

    @Test
    void writeUsersRouteAnswers403ToAKeyGrantedOnlyUsersRead() {
        assertThat(get("/examples/write-users-permission", SeedCallers.READ_KEY)).hasStatus(403)
            .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/examples/write-users-permission", SeedCallers.ADMIN_KEY)).hasStatusOk().bodyJson()
            .isStrictlyEqualTo("""
                    {"message":"You have permission to write users","user_id":1,"email":"grace@example.com",
                     "auth_type":"API_KEY"}""");
    }

    @Test
    void aSpoofedUserIdHeaderIsIgnored() throws Exception {
        MvcTestResult result = mvc.get().uri("/examples/jwt-only").header("Authorization", "Bearer " + SeedCallers.USER_JWT)
            .header("X-User-Id", "1").header("X-User-Email", "grace@example.com").exchange();
        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.user_id").isEqualTo(42);
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("grace");
    }

    private MvcTestResult get(String path, String token) {
        return mvc.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }

    private static String wrongKindChallenge(String path) {
        String accepted = path.endsWith("apikey-only") ? "an API key" : "a user JWT";
        return "Bearer error=\"invalid_token\", error_description=\"This endpoint accepts only " + accepted + "\"";
    }
}
