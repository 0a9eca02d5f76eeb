package org.ssoplatform.portal.keys;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.ManagementApiAnswers;
import org.ssoplatform.portal.support.PortalTest;

/** The API keys page as a person sees it: the list, the usage chart, creating a key and its errors. */
class ApiKeyPagesTests extends PortalTest {

    private static final String KEY = """
            {"id": 7, "user_id": 3, "name": "nightly export", "description": null, "key_prefix": "sk_live_ab",
             "key_last_chars": "wxyz", "is_active": true, "expires_at": null, "created_at": "2026-12-01T10:00:00Z",
             "last_used_at": "2026-12-06T09:30:00Z", "rotation_grace_ends_at": null,
             "roles": [{"id": 2, "name": "user", "description": null, "created_at": "2026-12-01T10:00:00Z", "permissions": []}],
             "permissions": []%s}""";

    @Test
    void theListShowsEachKeysColumnsAndSaysSoWhenAuthServerKeepsNoUsage() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[" + KEY.formatted("") + "]")));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/7/usage")).willReturn(notFound()));

        MvcTestResult page = mvc.get().uri("/portal/keys").with(signedIn(3)).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText()
            .contains("nightly export", "sk_live_ab…wxyz", "2026-12-01 10:00 UTC", "2026-12-06 09:30 UTC", "never",
                    "active", "no usage data")
            .doesNotContain("<svg");
    }

    @Test
    void aKeysDailyUseIsDrawnAsOneBarPerDay() throws Exception {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[" + KEY.formatted("") + "]")));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/7/usage")).willReturn(okJson("""
                {"key_id": "7", "days": [{"date": "2026-12-05", "requests": 0}, {"date": "2026-12-06", "requests": 12},
                                         {"date": "2026-12-07", "requests": 3}]}""")));

        MvcTestResult page = mvc.get().uri("/portal/keys").with(signedIn(3)).exchange();

        assertThat(page).bodyText()
            .contains("15 requests in the last 3 days", "2026-12-06: 12 requests", "2026-12-07: 3 requests")
            .doesNotContain("no usage data");
        assertThat(page.getResponse().getContentAsString().split("class=\"usage-bar\"")).hasSize(4);
    }

    @Test
    void aNewKeysSecretIsShownOnceWithItsWarningAndIsNotKeptInTheSession() throws Exception {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[" + KEY.formatted("") + "]")));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/7/usage")).willReturn(notFound()));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/api-keys/"))
            .willReturn(okJson(KEY.formatted(", \"key\": \"sk_live_abSECRETwxyz\"")).withStatus(201)));
        MockHttpSession session = new MockHttpSession();

        MvcTestResult page = mvc.post().uri("/portal/keys").session(session).with(signedIn(3)).with(csrf())
            .param("name", "nightly export").param("roleIds", "2").param("expires", "2027-01-31")
            .exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("sk_live_abSECRETwxyz", "it will not be shown again", "Copy");
        AUTH_SERVER.verify(postRequestedFor(urlPathEqualTo("/api/v1/api-keys/")).withRequestBody(equalToJson("""
                {"name": "nightly export", "expires_at": "2027-02-01T00:00:00Z", "role_ids": [2], "permission_ids": []}""")));
        for (String name : Collections.list(session.getAttributeNames())) {
            assertThat(String.valueOf(session.getAttribute(name))).as(name).doesNotContain("SECRET");
        }
    }

    @Test
    void theApisComplaintAboutAFieldIsShownNextToThatField() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[]")));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/api/v1/api-keys/")).willReturn(ManagementApiAnswers.problemResponse(400,
                ManagementApiAnswers.problem(400, "validation_failed", "Invalid request: name must not be blank.",
                        "[{\"field\": \"name\", \"message\": \"must not be blank\"}]"))));

        MvcTestResult page = mvc.post().uri("/portal/keys").with(signedIn(3)).with(csrf()).param("name", " ").exchange();

        assertThat(page).hasStatus(400);
        assertThat(page).bodyText()
            .contains("<p class=\"field-error\" id=\"name-error\">must not be blank</p>")
            .contains("aria-describedby=\"name-error\"")
            .doesNotContain("validation_failed", "\"field\":");
    }

    @Test
    void aDateThatIsNotOneIsRefusedNextToTheExpiryFieldWithoutAskingAuthServer() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[]")));

        MvcTestResult page = mvc.post().uri("/portal/keys").with(signedIn(3)).with(csrf())
            .param("name", "x").param("expires", "next tuesday").exchange();

        assertThat(page).hasStatus(400);
        assertThat(page).bodyText().contains("id=\"expires-error\">Enter a date as YYYY-MM-DD.</p>");
        AUTH_SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/api-keys/")));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndReachesNothing() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);

        MvcTestResult page = mvc.post().uri("/portal/keys").with(signedIn(3)).param("name", "forged").exchange();

        assertThat(page).hasStatus(403);
        AUTH_SERVER.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/api-keys/")));
    }
}
