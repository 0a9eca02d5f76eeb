package com.example.reports;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service over HTTP, validating signed tokens itself: {@link TestTokens} issues tokens with the
 * platform's claims from a real issuer (mock-oauth2-server), which this service trusts instead of
 * auth-server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ReportsControllerTests {

    @Autowired
    RestTestClient http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void aUserWithAnalyticsReadGetsTheReports() {
        String token = TestTokens.user("7").email("ada@example.com").roles("admin").permissions("analytics:read").issue();

        http.get().uri("/reports").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$[0].preparedFor").isEqualTo("ada@example.com");
    }

    @Test
    void anApiKeyOfSuchAUserGetsThemToo() {
        String token = TestTokens.apiKey("7", "12").email("ada@example.com").roles().permissions("analytics:read").issue();

        http.get().uri("/reports").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();
    }

    @Test
    void aUserWithoutThePermissionIsForbidden() {
        String token = TestTokens.user("8").email("uma@example.com").roles("user").permissions("posts:read").issue();

        http.get().uri("/reports").header("Authorization", "Bearer " + token).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noTokenOrAForeignOneIsUnauthorized() {
        http.get().uri("/reports").exchange().expectStatus().isUnauthorized();
        String otherAudience = TestTokens.user("7").roles("admin").permissions("analytics:read").audience("other").issue();
        http.get().uri("/reports").header("Authorization", "Bearer " + otherAudience).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void onlyAnAdminsOwnTokenDeletes() {
        String admin = TestTokens.user("7").roles("admin").permissions("analytics:read").issue();
        String adminsKey = TestTokens.apiKey("7", "12").roles("admin").permissions("analytics:read").issue();

        http.delete().uri("/reports/1").header("Authorization", "Bearer " + admin).exchange().expectStatus().isNoContent();
        http.delete().uri("/reports/1").header("Authorization", "Bearer " + adminsKey).exchange()
            .expectStatus().isUnauthorized();
    }
}
