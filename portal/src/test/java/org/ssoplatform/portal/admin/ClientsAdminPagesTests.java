package org.ssoplatform.portal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.ManagementApiAnswers;
import org.ssoplatform.portal.support.PortalTest;

/**
 * The OAuth clients page: admins only; the list with configured clients offering no changes; registering (the
 * secret shown once, never kept in the session; the API's refusals next to their fields); rotating a secret with
 * the chosen grace; deleting after asking. Every change is a POST with the CSRF token.
 */
class ClientsAdminPagesTests extends PortalTest {

    private static final String CLIENT = """
            {"id": "c1", "client_id": "%s", "name": "%s", "type": "confidential",
             "grant_types": ["client_credentials"], "scopes": ["reports.read"], "redirect_uris": [],
             "post_logout_redirect_uris": [], "access_token_ttl_seconds": 900, "refresh_token_ttl_seconds": 28800,
             "require_consent": true, "bootstrapped": %s, "created_at": "2026-12-01T10:00:00Z",
             "previous_secret_expires_at": %s%s}""";

    private static final String REPORTS = CLIENT.formatted("reports", "Reports service", false, "null", "");

    private static final String PORTAL = CLIENT.formatted("portal", "Login portal", true, "null", "");

    @Test
    void someoneWhoIsNoAdminGetsThe403PageAndNoClientCallIsMade() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);

        MvcTestResult page = mvc.get().uri("/portal/admin/clients").with(signedIn(3)).exchange();
        MvcTestResult registered = mvc.post().uri("/portal/admin/clients").with(signedIn(3)).with(csrf())
            .param("name", "sneaky").param("type", "confidential").param("grantTypes", "client_credentials")
            .exchange();
        MvcTestResult rotated = mvc.post().uri("/portal/admin/clients/reports/rotate").with(signedIn(3)).with(csrf())
            .exchange();
        MvcTestResult deleted = mvc.post().uri("/portal/admin/clients/reports/delete").with(signedIn(3)).with(csrf())
            .exchange();

        assertThat(page).hasStatus(403);
        assertThat(registered).hasStatus(403);
        assertThat(rotated).hasStatus(403);
        assertThat(deleted).hasStatus(403);
        AUTH_SERVER.verify(0, anyRequestedFor(urlPathMatching("/api/v1/clients.*")));
    }

    @Test
    void formsPostedWithoutTheirCsrfTokenAreRefusedAndReachNothing() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);

        MvcTestResult registered = mvc.post().uri("/portal/admin/clients").with(signedIn(1)).param("name", "forged")
            .exchange();
        MvcTestResult deleted = mvc.post().uri("/portal/admin/clients/reports/delete").with(signedIn(1)).exchange();

        assertThat(registered).hasStatus(403);
        assertThat(deleted).hasStatus(403);
        AUTH_SERVER.verify(0, anyRequestedFor(urlPathMatching("/api/v1/clients.*")));
    }

    @Test
    void theListShowsEachClientAndOffersNoChangesToConfiguredOnes() throws Exception {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/")).willReturn(okJson("[" + PORTAL + "," + REPORTS
                + "]")));

        MvcTestResult page = mvc.get().uri("/portal/admin/clients").with(signedIn(1)).exchange();

        assertThat(page).hasStatusOk();
        String body = page.getResponse().getContentAsString();
        String portalRow = body.substring(body.indexOf("id=\"client-portal\""), body.indexOf("id=\"client-reports\""));
        String reportsRow = body.substring(body.indexOf("id=\"client-reports\""));
        assertThat(portalRow).contains("configured", "Change it in the configuration").doesNotContain("Rotate secret",
                "/delete");
        assertThat(reportsRow).contains("Reports service", "client_credentials", "reports.read", "Rotate secret",
                "/portal/admin/clients/reports/delete");
        assertThat(body).contains("aria-current=\"page\">OAuth clients</a>", "Register a client");
    }

    @Test
    void aNewClientsSecretIsShownOnceAndIsNotKeptInTheSession() throws Exception {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/")).willReturn(okJson("[" + REPORTS + "]")));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/clients/")).willReturn(okJson(CLIENT.formatted("reports",
                "Reports service", false, "null", ", \"client_secret\": \"cs_SECRET_abc\"")).withStatus(201)));
        MockHttpSession session = new MockHttpSession();

        MvcTestResult page = mvc.post().uri("/portal/admin/clients").session(session).with(signedIn(1)).with(csrf())
            .param("name", " Reports service ").param("clientId", "reports").param("type", "confidential")
            .param("grantTypes", "client_credentials").param("scopes", "reports.read  reports.write")
            .param("redirectUris", "").param("_requireConsent", "on")
            .exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("cs_SECRET_abc", "it will not be shown again", "Client “reports” registered");
        AUTH_SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/clients/")).withRequestBody(equalToJson("""
                {"client_id": "reports", "name": "Reports service", "type": "confidential",
                 "grant_types": ["client_credentials"], "scopes": ["reports.read", "reports.write"],
                 "redirect_uris": [], "post_logout_redirect_uris": [], "require_consent": false}""")));
        for (String name : Collections.list(session.getAttributeNames())) {
            assertThat(String.valueOf(session.getAttribute(name))).as(name).doesNotContain("SECRET");
        }
    }

    @Test
    void theApisComplaintAboutARedirectUriIsShownNextToThatField() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/")).willReturn(okJson("[]")));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/clients/")).willReturn(ManagementApiAnswers.problemResponse(
                400, ManagementApiAnswers.problem(400, "validation_failed",
                        "Invalid request: redirect_uris must be exact URIs, without wildcards.",
                        "[{\"field\": \"redirect_uris\", \"message\": \"must be exact URIs, without wildcards\"}]"))));

        MvcTestResult page = mvc.post().uri("/portal/admin/clients").with(signedIn(1)).with(csrf())
            .param("name", "app").param("type", "public").param("grantTypes", "authorization_code")
            .param("redirectUris", "https://*.example.com/callback").exchange();

        assertThat(page).hasStatus(400);
        assertThat(page).bodyText()
            .contains("id=\"redirectUris-error\">must be exact URIs, without wildcards</p>")
            .contains("aria-describedby=\"redirectUris-error\"", "https://*.example.com/callback")
            .doesNotContain("validation_failed", "\"field\":");
    }

    @Test
    void aRotationSendsTheChosenGraceAndShowsTheNewSecretOnce() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/")).willReturn(okJson("[" + REPORTS + "]")));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/clients/reports/secret/rotate")).willReturn(okJson(
                CLIENT.formatted("reports", "Reports service", false, "\"2026-12-07T11:00:00Z\"",
                        ", \"client_secret\": \"cs_ROTATED_xyz\""))));

        MvcTestResult page = mvc.post().uri("/portal/admin/clients/reports/rotate").with(signedIn(1)).with(csrf())
            .param("graceSeconds", "3600").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("cs_ROTATED_xyz", "The previous secret keeps working until",
                "2026-12-07 11:00 UTC");
        AUTH_SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/clients/reports/secret/rotate"))
            .withRequestBody(equalToJson("{\"grace_seconds\": 3600}")));
    }

    @Test
    void aClientIsDeletedAfterAskingAndARefusalIsShownOnTheQuestion() {
        ManagementApiAnswers.me(AUTH_SERVER, 1, "admin@example.com", ManagementApiAnswers.ADMIN_ROLES);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/reports")).willReturn(okJson(REPORTS)));
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/clients/reports")).willReturn(noContent()));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/clients/portal")).willReturn(okJson(PORTAL)));
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/clients/portal")).willReturn(
                ManagementApiAnswers.problemResponse(409, ManagementApiAnswers.problem(409, "client_read_only",
                        "This client is registered from the platform's configuration; change it there.", null))));

        MvcTestResult asked = mvc.get().uri("/portal/admin/clients/reports/delete").with(signedIn(1)).exchange();
        MvcTestResult deleted = mvc.post().uri("/portal/admin/clients/reports/delete").with(signedIn(1)).with(csrf())
            .exchange();
        MvcTestResult refused = mvc.post().uri("/portal/admin/clients/portal/delete").with(signedIn(1)).with(csrf())
            .exchange();

        assertThat(asked).hasStatusOk();
        assertThat(asked).bodyText().contains("Delete the client “reports”?", "id=\"confirm-delete\"");
        assertThat(deleted).hasStatus3xxRedirection().hasRedirectedUrl("/portal/admin/clients");
        assertThat(deleted).flash().containsEntry("notice", "Client \"reports\" deleted.");
        AUTH_SERVER.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v1/clients/reports")));
        assertThat(refused).hasStatus(409);
        assertThat(refused).bodyText().contains("id=\"delete-error\">This client is registered from the platform");
    }
}
