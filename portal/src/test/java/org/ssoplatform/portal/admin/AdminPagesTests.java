package org.ssoplatform.portal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.ManagementApiAnswers;
import org.ssoplatform.portal.support.PortalTest;

/**
 * Administration: admins only, searching and paging users, granting roles, deleting a held permission, the audit log's
 * filters.
 */
class AdminPagesTests extends PortalTest {

    private static final String ADA = """
            {"id": 4, "email": "ada@example.com", "email_verified": true, "full_name": "Ada", "avatar_url": null,
             "is_active": true, "is_superuser": false, "created_at": "2026-12-01T10:00:00Z", "roles": []}""";

    private static final String USERS = """
            {"items": [%s], "page": 0, "size": 20, "total": 41}""".formatted(ADA);

    @ParameterizedTest
    @ValueSource(strings = { "/portal/admin/users", "/portal/admin/roles", "/portal/admin/audit",
            "/portal/admin/signing-keys", "/portal/admin/permissions/6/delete", "/portal/admin/clients" })
    void someoneWhoIsNoAdminGetsThe403PageAndNoAdministrationCallIsMade(String page) {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);

        MvcTestResult result = mvc.get().uri(page).with(signedIn(3)).exchange();

        assertThat(result).hasStatus(403);
        assertThat(result).bodyText().contains("for administrators only").doesNotContain("Administration</a>");
        AUTH_SERVER.verify(0, anyRequestedFor(urlPathMatching("/api/v1/(users/?|users/[0-9].*|roles.*|audit.*|signing-keys.*|clients.*)")));
    }

    @Test
    void aSigningKeyRotationFromSomeoneWhoIsNoAdminNeverReachesAuthServer() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);

        MvcTestResult result = mvc.post().uri("/portal/admin/signing-keys/rotate").with(signedIn(3)).with(csrf())
            .exchange();

        assertThat(result).hasStatus(403);
        AUTH_SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/signing-keys/rotate")));
    }

    @Test
    void anAdminSearchesUsersByEmailAndPagesThroughThem() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/users/")).willReturn(okJson(USERS)));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/roles/")).willReturn(okJson(ManagementApiAnswers.ADMIN_ROLES)));

        MvcTestResult result = mvc.get().uri("/portal/admin/users?email=ada&page=1").with(signedIn(1)).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("ada@example.com", "41 users", "Page 1 of 3", "Next");
        AUTH_SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/users/")).withQueryParam("email", equalTo("ada"))
            .withQueryParam("page", equalTo("1")));
    }

    @Test
    void aRoleTheApiRefusesToGrantSaysWhyInTheUsersRow() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/users/4/roles/1")).willReturn(ManagementApiAnswers.problemResponse(
                403, ManagementApiAnswers.problem(403, "forbidden", "Only admins grant admin.", null))));

        MvcTestResult granted = mvc.post().uri("/portal/admin/users/4/roles").with(signedIn(1)).with(csrf())
            .param("roleId", "1").param("back", "?email=ada&page=0").exchange();

        assertThat(granted).hasStatus3xxRedirection().hasRedirectedUrl("/portal/admin/users?email=ada&page=0");
        assertThat(granted).flash().containsKey("rowError");
    }

    @Test
    void theBackAddressOfAUserFormNeverLeadsOffThePortal() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/users/4/roles/2")).willReturn(okJson(ADA)));

        MvcTestResult granted = mvc.post().uri("/portal/admin/users/4/roles").with(signedIn(1)).with(csrf())
            .param("roleId", "2").param("back", "//evil.example/").exchange();

        assertThat(granted).hasStatus3xxRedirection().hasRedirectedUrl("/portal/admin/users");
    }

    @Test
    void aPermissionThatARoleHoldsIsDeletedOnlyOnceTheAdminAgreesToRemoveItFromItsHolders() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/roles/permissions/")).willReturn(okJson("""
                [{"id": 6, "name": "users:write", "description": null, "resource": "users", "action": "write",
                  "created_at": "2026-12-01T10:00:00Z"}]""")));
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/roles/permissions/6")).withQueryParam("cascade", equalTo("false"))
            .willReturn(ManagementApiAnswers.problemResponse(409, ManagementApiAnswers.problem(409, "in_use",
                    "The permission is held by 1 role(s) and 0 API key(s); delete with ?cascade=true to remove it from them too.",
                    null))));
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/roles/permissions/6")).withQueryParam("cascade", equalTo("true"))
            .willReturn(noContent()));

        MvcTestResult asked = mvc.get().uri("/portal/admin/permissions/6/delete").with(signedIn(1)).exchange();
        MvcTestResult refused = mvc.post().uri("/portal/admin/permissions/6/delete").with(signedIn(1)).with(csrf())
            .exchange();
        MvcTestResult deleted = mvc.post().uri("/portal/admin/permissions/6/delete").with(signedIn(1)).with(csrf())
            .param("cascade", "true").exchange();

        assertThat(asked).hasStatusOk();
        assertThat(asked).bodyText().contains("Delete the permission “users:write”?", "Also remove it from every role");
        assertThat(refused).hasStatus(409);
        assertThat(refused).bodyText()
            .contains("id=\"delete-error\">The permission is held by 1 role(s) and 0 API key(s). Tick", "checked")
            .doesNotContain("?cascade=true");
        assertThat(deleted).hasStatus3xxRedirection().hasRedirectedUrl("/portal/admin/roles");
        assertThat(deleted).flash().containsEntry("notice", "Permission \"users:write\" deleted.");
        AUTH_SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/roles/permissions/6"))
            .withQueryParam("cascade", equalTo("true")));
    }

    @Test
    void theAuditLogPassesEveryFilterOnAndRefusesATimeThatIsNotOneNextToItsField() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/audit/")).willReturn(okJson("""
                {"items": [{"id": 9, "actor_user_id": 1, "actor_api_key_id": null, "action": "role.granted",
                            "target_type": "user", "target_id": "4", "details": {"role": "user"},
                            "client_address": "127.0.0.1", "at": "2026-12-06T08:00:00Z"}],
                 "page": 0, "size": 25, "total": 1}""")));

        MvcTestResult filtered = mvc.get()
            .uri("/portal/admin/audit?actor=1&action=role.granted&target_type=user&target_id=4"
                    + "&from=2026-12-01T00:00&to=2026-12-07T00:00")
            .with(signedIn(1)).exchange();
        MvcTestResult refused = mvc.get().uri("/portal/admin/audit?from=yesterday&actor=me").with(signedIn(1)).exchange();

        assertThat(filtered).hasStatusOk();
        assertThat(filtered).bodyText().contains("role.granted", "user 4", "2026-12-06 08:00 UTC");
        AUTH_SERVER.verify(getRequestedFor(urlPathEqualTo("/api/v1/audit/")).withQueryParam("actor", equalTo("1"))
            .withQueryParam("action", equalTo("role.granted")).withQueryParam("target_type", equalTo("user"))
            .withQueryParam("target_id", equalTo("4")).withQueryParam("from", equalTo("2026-12-01T00:00:00Z"))
            .withQueryParam("to", equalTo("2026-12-07T00:00:00Z")));
        assertThat(refused).hasStatus(400);
        assertThat(refused).bodyText().contains("id=\"filter-from-error\">Enter a date and time.</p>",
                "id=\"filter-actor-error\">Enter the acting user&#39;s id (a number).</p>");
    }
}
