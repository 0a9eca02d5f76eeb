package org.ssoplatform.resourceserver.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sees on an error: RFC 9457 problem+json, and on 401/403 an RFC 6750 challenge. The same
 * expectations for a Spring MVC ({@link MvcTestResult}) and a WebFlux ({@link WebTestClient.ResponseSpec}) service.
 */
public final class Problems {

    public static final String NO_TOKEN_CHALLENGE = "Bearer";

    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\"";

    public static final String INSUFFICIENT_SCOPE_CHALLENGE = "Bearer error=\"insufficient_scope\", "
            + "error_description=\"The request requires higher privileges than provided by the access token\"";

    private Problems() {
    }

    public static void assertProblem(MvcTestResult result, int status, String path, String detail, String challenge) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (challenge == null) {
            assertThat(result).doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
        }
        else {
            assertThat(result).hasHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        assertThat(result).bodyJson().isStrictlyEqualTo(body(status, path, detail));
    }

    public static void assertProblem(WebTestClient.ResponseSpec result, int status, String path, String detail,
            String challenge) {
        result.expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        if (challenge == null) {
            result.expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE);
        }
        else {
            result.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        result.expectBody().json(body(status, path, detail), JsonCompareMode.STRICT);
    }

    public static void assertUnauthenticated(WebTestClient.ResponseSpec result, String path) {
        assertProblem(result, 401, path,
                "Authentication is required: send an access token as 'Authorization: Bearer <token>'.",
                NO_TOKEN_CHALLENGE);
    }

    public static void assertInvalidToken(WebTestClient.ResponseSpec result, String path) {
        assertProblem(result, 401, path, "The access token is invalid, expired, or not issued for this service.",
                INVALID_TOKEN_CHALLENGE);
    }

    public static void assertWrongAuthType(WebTestClient.ResponseSpec result, String path, String accepted) {
        assertProblem(result, 401, path, "This endpoint accepts only " + accepted + ".",
                "Bearer error=\"invalid_token\", error_description=\"This endpoint accepts only " + accepted + "\"");
    }

    public static void assertForbidden(WebTestClient.ResponseSpec result, String path) {
        assertProblem(result, 403, path, "The access token lacks a role, permission or scope this endpoint requires.",
                INSUFFICIENT_SCOPE_CHALLENGE);
    }

    private static String body(int status, String path, String detail) {
        return """
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(HttpStatus.valueOf(status).getReasonPhrase(), status, detail, path);
    }

    public static void assertUnauthenticated(MvcTestResult result, String path) {
        assertProblem(result, 401, path,
                "Authentication is required: send an access token as 'Authorization: Bearer <token>'.",
                NO_TOKEN_CHALLENGE);
    }

    public static void assertInvalidToken(MvcTestResult result, String path) {
        assertProblem(result, 401, path, "The access token is invalid, expired, or not issued for this service.",
                INVALID_TOKEN_CHALLENGE);
    }

    public static void assertWrongAuthType(MvcTestResult result, String path, String accepted) {
        assertProblem(result, 401, path, "This endpoint accepts only " + accepted + ".",
                "Bearer error=\"invalid_token\", error_description=\"This endpoint accepts only " + accepted + "\"");
    }

    public static void assertForbidden(MvcTestResult result, String path) {
        assertProblem(result, 403, path, "The access token lacks a role, permission or scope this endpoint requires.",
                INSUFFICIENT_SCOPE_CHALLENGE);
    }
}
