package org.ssoplatform.resourceserver;

import java.util.List;

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

/** The library's annotations on real routes, called with real tokens of each kind. */
@WebMvcTest({ TestRoutes.class, ApiKeyOnlyRoutes.class })
class AuthorizationAnnotationsTests {

    static final String USER = TestTokens.user("42").email("ada@example.com").roles("user").issue();

    static final String ADMIN = TestTokens.user("7").email("root@example.com").roles("admin").issue();

    static final String API_KEY = TestTokens.apiKey("42", "9").email("ada@example.com").permissions("users:read").issue();

    static final String CLIENT = TestTokens.client("reporting").scope("reports audit").issue();

    @Autowired
    MockMvcTester mvc;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void jwtOnlyRouteAnswersAUserJwt() {
        assertThat(get("/jwt-only", USER)).hasStatusOk().bodyJson().extractingPath("$.authType").isEqualTo("JWT");
    }

    @Test
    void jwtOnlyRouteAnswers401ToAnApiKeyToken() {
        Problems.assertWrongAuthType(get("/jwt-only", API_KEY), "/jwt-only", "a user JWT");
    }

    @Test
    void jwtOnlyRouteAnswers401ToAClientToken() {
        Problems.assertWrongAuthType(get("/jwt-only", CLIENT), "/jwt-only", "a user JWT");
    }

    @Test
    void apiKeyOnlyRouteAnswersAnApiKeyTokenWithTheKeysId() {
        assertThat(get("/api-key-only", API_KEY)).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"userId":"42","authType":"API_KEY","apiKeyId":"9","email":"ada@example.com"}""");
    }

    @Test
    void apiKeyOnlyRouteAnswers401ToAUserJwt() {
        Problems.assertWrongAuthType(get("/api-key-only", USER), "/api-key-only", "an API key");
    }

    @Test
    void jwtOrApiKeyRouteAnswersBothKinds() {
        assertThat(get("/jwt-or-api-key", USER)).hasStatusOk();
        assertThat(get("/jwt-or-api-key", API_KEY)).hasStatusOk();
    }

    @Test
    void jwtOrApiKeyRouteAnswers401ToAClientToken() {
        Problems.assertWrongAuthType(get("/jwt-or-api-key", CLIENT), "/jwt-or-api-key", "a user JWT or an API key");
    }

    @Test
    void requireAuthTypeTakesClientTokensWhenAskedTo() {
        assertThat(get("/client-only", CLIENT)).hasStatusOk().bodyJson().extractingPath("$.userId").isEqualTo("reporting");
        Problems.assertWrongAuthType(get("/client-only", USER), "/client-only", "a client-credentials token");
    }

    @Test
    void aTokenWithoutAuthTypePassesNoAuthTypeRestriction() {
        String untyped = TestTokens.user("42").claim("auth_type", "SOMETHING_ELSE").issue();
        assertThat(get("/any", untyped)).hasStatusOk().bodyJson().extractingPath("$.authType").isNull();
        Problems.assertWrongAuthType(get("/jwt-or-api-key", untyped), "/jwt-or-api-key", "a user JWT or an API key");
    }

    @Test
    void roleRouteAnswersTheRole() {
        assertThat(get("/jwt-admin", ADMIN)).hasStatusOk().bodyJson().extractingPath("$.userId").isEqualTo("7");
    }

    @Test
    void roleRouteAnswers403WithoutTheRole() {
        Problems.assertForbidden(get("/jwt-admin", USER), "/jwt-admin");
    }

    @Test
    void aWrongKindOfTokenIs401EvenWhenTheRoleIsAlsoMissing() {
        Problems.assertWrongAuthType(get("/jwt-admin", API_KEY), "/jwt-admin", "a user JWT");
    }

    @Test
    void aPermissionSpelledLikeARoleGrantsNoRole() {
        String forged = TestTokens.user("42").roles().permissions("ROLE_admin", "SCOPE_reports").issue();
        Problems.assertForbidden(get("/jwt-admin", forged), "/jwt-admin");
        Problems.assertForbidden(get("/reports-scope", forged), "/reports-scope");
    }

    @Test
    void permissionRouteAnswersThePermissionAnd403WithoutIt() {
        String writer = TestTokens.apiKey("42", "10").permissions("users:read", "users:write").issue();
        assertThat(get("/users-write", writer)).hasStatusOk();
        Problems.assertForbidden(get("/users-write", API_KEY), "/users-write");
    }

    @Test
    void scopeRouteTakesScopesAsOneStringOrAsAList() {
        assertThat(get("/reports-scope", CLIENT)).hasStatusOk();
        String listed = TestTokens.client("reporting").claim("scope", List.of("reports")).issue();
        assertThat(get("/reports-scope", listed)).hasStatusOk();
        Problems.assertForbidden(get("/reports-scope", TestTokens.client("other").scope("audit").issue()), "/reports-scope");
    }

    @Test
    void classLevelAnnotationCoversEveryRouteAndAMethodsOwnWins() {
        assertThat(get("/keys/usage", API_KEY)).hasStatusOk();
        Problems.assertWrongAuthType(get("/keys/usage", USER), "/keys/usage", "an API key");
        assertThat(get("/keys/for-people", USER)).hasStatusOk();
        Problems.assertWrongAuthType(get("/keys/for-people", API_KEY), "/keys/for-people", "a user JWT");
    }

    @Test
    void callerCarriesEveryPlatformClaim() {
        assertThat(get("/any", TestTokens.user("42").email("ada@example.com").roles("admin", "user")
            .permissions("users:read", "posts:write").scope("openid").issue())).hasStatusOk().bodyJson().isEqualTo("""
                {"userId":"42","authType":"JWT","email":"ada@example.com","apiKeyId":null,
                 "roles":["admin","user"],"permissions":["users:read","posts:write"],"scopes":["openid"]}""");
    }

    @Test
    void staticAccessorSeesTheSameCallerAsTheArgument() throws Exception {
        String body = get("/any", API_KEY).getResponse().getContentAsString();
        assertThat(get("/static-accessor", API_KEY)).hasStatusOk().bodyJson().isEqualTo(body);
    }

    @Test
    void identityHeadersFromTheClientAreIgnored() {
        MvcTestResult spoofed = mvc.get().uri("/any").header("Authorization", "Bearer " + USER)
            .header("X-User-Id", "1").header("X-Auth-Type", "API_KEY").header("X-Api-Key-Id", "99")
            .header("X-User-Email", "root@example.com").header("X-User-Roles", "admin").exchange();
        assertThat(spoofed).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"userId":"42","authType":"JWT","email":"ada@example.com","apiKeyId":null,"roles":["user"]}""");
    }

    @Test
    void aSpoofedAuthTypeHeaderOpensNoApiKeyOnlyRoute() {
        MvcTestResult result = mvc.get().uri("/api-key-only").header("Authorization", "Bearer " + USER)
            .header("X-Auth-Type", "API_KEY").exchange();
        Problems.assertWrongAuthType(result, "/api-key-only", "an API key");
    }

    @Test
    void identityHeadersWithoutATokenAuthenticateNobody() {
        MvcTestResult result = mvc.get().uri("/any").header("X-User-Id", "1").header("X-Auth-Type", "JWT").exchange();
        Problems.assertUnauthenticated(result, "/any");
    }

    private MvcTestResult get(String path, String token) {
        return mvc.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }
}
