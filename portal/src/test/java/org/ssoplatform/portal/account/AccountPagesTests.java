package org.ssoplatform.portal.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.ManagementApiAnswers;
import org.ssoplatform.portal.support.PortalTest;

/** The account page: the profile, linked sign-ins, and deleting the account only when the person confirms it. */
class AccountPagesTests extends PortalTest {

    private static final String IDENTITIES = """
            [{"id": 11, "provider": "google", "provider_user_id": "g-1", "email": "grace@example.com",
              "email_verified": true, "linked_at": "2026-12-01T10:00:00Z"}]""";

    @Test
    void theAccountShowsTheProfileItsRolesAndItsLinkedSignIns() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/users/me/identities")).willReturn(okJson(IDENTITIES)));

        MvcTestResult page = mvc.get().uri("/portal/account").with(signedIn(3)).exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Grace Hopper", "grace@example.com", "verified", "users:read",
                "id=\"unlink-google\"", "href=\"" + ISSUER + "/account/link\"");
    }

    @Test
    void anAccountIsNotDeletedUnlessTheEmailIsTypedAndTheRefusalIsShownNextToTheField() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/users/me/identities")).willReturn(okJson(IDENTITIES)));

        MvcTestResult page = mvc.post().uri("/portal/account/delete").with(signedIn(3)).with(csrf())
            .param("confirm", "someone@else.example").exchange();

        assertThat(page).hasStatus(400);
        assertThat(page).bodyText().contains("id=\"confirm-error\">Type your e-mail address exactly to confirm.</p>");
        AUTH_SERVER.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v1/users/me")));
    }

    @Test
    void aConfirmedDeletionDeletesTheAccountAndEndsTheSession() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/users/me")).willReturn(aResponse().withStatus(204)));

        MvcTestResult page = mvc.post().uri("/portal/account/delete").with(signedIn(3)).with(csrf())
            .param("confirm", "Grace@Example.com").exchange();

        assertThat(page).hasStatus3xxRedirection().hasRedirectedUrl("/?account-deleted");
        AUTH_SERVER.verify(deleteRequestedFor(urlPathEqualTo("/api/v1/users/me")));
    }

    @Test
    void unlinkingTheLastSignInIsRefusedWithTheApisReason() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(delete(urlPathEqualTo("/api/v1/users/me/identities/11")).willReturn(
                ManagementApiAnswers.problemResponse(409, ManagementApiAnswers.problem(409, "last_identity",
                        "Your only sign-in cannot be unlinked.", null))));

        MvcTestResult page = mvc.post().uri("/portal/account/identities/11/unlink").with(signedIn(3)).with(csrf())
            .exchange();

        assertThat(page).hasStatus3xxRedirection().hasRedirectedUrl("/portal/account");
        assertThat(page).flash().containsEntry("identityError", "Your only sign-in cannot be unlinked.");
    }
}
