package org.ssoplatform.portal.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Answers of auth-server's management API as it gives them (snake_case, RFC 9457 problems), for the stand-in. */
public final class ManagementApiAnswers {

    private ManagementApiAnswers() {
    }

    /** {@code /api/v1/users/me} for the portal's token: a user holding {@code roles} (JSON array of roles). */
    public static void me(WireMockServer authServer, long id, String email, String roles) {
        authServer.stubFor(get(urlPathEqualTo("/api/v1/users/me"))
            .withHeader("Authorization", equalTo("Bearer " + PortalTest.ACCESS_TOKEN))
            .willReturn(okJson("""
                    {"id": %d, "email": "%s", "email_verified": true, "full_name": "Grace Hopper",
                     "avatar_url": null, "is_active": true, "is_superuser": false,
                     "created_at": "2026-12-01T10:00:00Z", "roles": %s}""".formatted(id, email, roles))));
    }

    public static final String USER_ROLE = """
            [{"id": 2, "name": "user", "description": "Every user", "created_at": "2026-12-01T10:00:00Z",
              "permissions": [{"id": 5, "name": "users:read", "description": null, "resource": "users",
                               "action": "read", "created_at": "2026-12-01T10:00:00Z"}]}]""";

    public static final String ADMIN_ROLES = """
            [{"id": 1, "name": "admin", "description": "Administrators", "created_at": "2026-12-01T10:00:00Z",
              "permissions": [{"id": 5, "name": "users:read", "description": null, "resource": "users",
                               "action": "read", "created_at": "2026-12-01T10:00:00Z"},
                              {"id": 6, "name": "users:write", "description": null, "resource": "users",
                               "action": "write", "created_at": "2026-12-01T10:00:00Z"}]}]""";

    public static String problem(int status, String code, String detail, String errors) {
        return """
                {"type": "about:blank", "title": "Bad Request", "status": %d, "detail": "%s", "code": "%s"%s}"""
            .formatted(status, detail, code, errors == null ? "" : ", \"errors\": " + errors);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problemResponse(int status,
            String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }
}
