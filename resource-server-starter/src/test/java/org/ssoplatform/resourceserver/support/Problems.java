package org.ssoplatform.resourceserver.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees on an error: RFC 9457 problem+json, and on 401/403 an RFC 6750 challenge. */
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
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"type":"about:blank","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
            .formatted(org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase(), status, detail, path));
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
