package org.ssoplatform.resourceserver.reactive;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.support.Problems;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The library's annotations on WebFlux routes returning {@code Mono} and {@code Flux}, called with real tokens of
 * each kind: the same answers as on Spring MVC (AuthorizationAnnotationsTests).
 */
// A first request fetches the JWKS; a busy build machine can take longer than the client's default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@WebFluxTest(controllers = { ReactiveTestRoutes.class, ReactiveApiKeyOnlyRoutes.class })
class ReactiveAuthorizationAnnotationsTests {

    static final String USER = TestTokens.user("42").email("ada@example.com").roles("user").issue();

    static final String ADMIN = TestTokens.user("7").email("root@example.com").roles("admin").issue();

    static final String API_KEY = TestTokens.apiKey("42", "9").email("ada@example.com").permissions("users:read").issue();

    static final String CLIENT = TestTokens.client("reporting").scope("reports audit").issue();

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void jwtOnlyRouteAnswersAUserJwt() {
        get("/jwt-only", USER).expectStatus().isOk().expectBody().jsonPath("$.authType").isEqualTo("JWT");
    }

    @Test
    void jwtOnlyRouteAnswers401ToAnApiKeyOrClientToken() {
        Problems.assertWrongAuthType(get("/jwt-only", API_KEY), "/jwt-only", "a user JWT");
        Problems.assertWrongAuthType(get("/jwt-only", CLIENT), "/jwt-only", "a user JWT");
    }

    @Test
    void apiKeyOnlyRouteAnswersAnApiKeyTokenWithTheKeysIdAnd401ToAUserJwt() {
        get("/api-key-only", API_KEY).expectStatus().isOk().expectBody().json("""
                {"userId":"42","authType":"API_KEY","apiKeyId":"9","email":"ada@example.com"}""");
        Problems.assertWrongAuthType(get("/api-key-only", USER), "/api-key-only", "an API key");
    }

    @Test
    void jwtOrApiKeyRouteAnswersBothKindsAnd401ToAClientToken() {
        get("/jwt-or-api-key", USER).expectStatus().isOk();
        get("/jwt-or-api-key", API_KEY).expectStatus().isOk();
        Problems.assertWrongAuthType(get("/jwt-or-api-key", CLIENT), "/jwt-or-api-key", "a user JWT or an API key");
    }

    @Test
    void requireAuthTypeTakesClientTokensWhenAskedTo() {
        get("/client-only", CLIENT).expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("reporting");
        Problems.assertWrongAuthType(get("/client-only", USER), "/client-only", "a client-credentials token");
    }

    @Test
    void aTokenWithoutAuthTypePassesNoAuthTypeRestriction() {
        String untyped = TestTokens.user("42").claim("auth_type", "SOMETHING_ELSE").issue();
        get("/any", untyped).expectStatus().isOk().expectBody().jsonPath("$.authType").doesNotExist();
        Problems.assertWrongAuthType(get("/jwt-or-api-key", untyped), "/jwt-or-api-key", "a user JWT or an API key");
    }

    @Test
    void roleRouteAnswersTheRoleAnd403WithoutIt() {
        get("/jwt-admin", ADMIN).expectStatus().isOk().expectBody().jsonPath("$.userId").isEqualTo("7");
        Problems.assertForbidden(get("/jwt-admin", USER), "/jwt-admin");
    }

    @Test
    void fluxRoutesAreCheckedLikeMonoRoutes() {
        get("/admin-roles", ADMIN).expectStatus().isOk().expectBody().json("[{\"role\":\"admin\"}]");
        Problems.assertForbidden(get("/admin-roles", USER), "/admin-roles");
        Problems.assertWrongAuthType(get("/admin-roles", API_KEY), "/admin-roles", "a user JWT");
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
        get("/users-write", writer).expectStatus().isOk();
        Problems.assertForbidden(get("/users-write", API_KEY), "/users-write");
    }

    @Test
    void scopeRouteTakesScopesAsOneStringOrAsAList() {
        get("/reports-scope", CLIENT).expectStatus().isOk();
        get("/reports-scope", TestTokens.client("reporting").claim("scope", List.of("reports")).issue()).expectStatus()
            .isOk();
        Problems.assertForbidden(get("/reports-scope", TestTokens.client("other").scope("audit").issue()), "/reports-scope");
    }

    @Test
    void classLevelAnnotationCoversEveryRouteAndAMethodsOwnWins() {
        get("/keys/usage", API_KEY).expectStatus().isOk();
        Problems.assertWrongAuthType(get("/keys/usage", USER), "/keys/usage", "an API key");
        get("/keys/for-people", USER).expectStatus().isOk();
        Problems.assertWrongAuthType(get("/keys/for-people", API_KEY), "/keys/for-people", "a user JWT");
    }

    @Test
    void callerCarriesEveryPlatformClaim() {
        get("/any", TestTokens.user("42").email("ada@example.com").roles("admin", "user")
            .permissions("users:read", "posts:write").scope("openid").issue()).expectStatus().isOk()
            .expectBody().json("""
                    {"userId":"42","authType":"JWT","email":"ada@example.com","apiKeyId":null,
                     "roles":["admin","user"],"permissions":["users:read","posts:write"],"scopes":["openid"]}""",
                    JsonCompareMode.STRICT);
    }

    @Test
    void staticAccessorSeesTheSameCallerAsTheArgument() {
        String body = new String(get("/any", API_KEY).expectBody().returnResult().getResponseBodyContent());
        get("/static-accessor", API_KEY).expectStatus().isOk().expectBody().json(body, JsonCompareMode.STRICT);
    }

    @Test
    void identityHeadersFromTheClientAreIgnored() {
        http.get().uri("/any").header("Authorization", "Bearer " + USER).header("X-User-Id", "1")
            .header("X-Auth-Type", "API_KEY").header("X-Api-Key-Id", "99").header("X-User-Roles", "admin")
            .exchange().expectStatus().isOk().expectBody().json("""
                    {"userId":"42","authType":"JWT","email":"ada@example.com","apiKeyId":null,"roles":["user"]}""");
        Problems.assertWrongAuthType(http.get().uri("/api-key-only").header("Authorization", "Bearer " + USER)
            .header("X-Auth-Type", "API_KEY").exchange(), "/api-key-only", "an API key");
    }

    @Test
    void identityHeadersWithoutATokenAuthenticateNobody() {
        Problems.assertUnauthenticated(http.get().uri("/any").header("X-User-Id", "1").header("X-Auth-Type", "JWT")
            .exchange(), "/any");
    }

    private ResponseSpec get(String path, String token) {
        return http.get().uri(path).header("Authorization", "Bearer " + token).exchange();
    }
}
