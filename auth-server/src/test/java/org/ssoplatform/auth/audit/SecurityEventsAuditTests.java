package org.ssoplatform.auth.audit;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security events in the audit trail ({@code GET /api/v1/audit?action=}): sign-ins and their refusals
 * (provider and reason, never a code or token), sign-outs, and refresh-token reuse.
 */
class SecurityEventsAuditTests extends ManagementApiFlow {

    @Test
    void aBrowserSignInAndARefusedOneAreRecordedWithProviderAndReasonOnly() {
        ProviderStandIns.nextGoogleUser("g-audited", "audited@events.test", true, "Audited");
        new Browser().open(BASE + "/oauth2/authorization/google");
        long userId = users.findByEmailIgnoreCase("audited@events.test").orElseThrow().id();
        users.changeActive(userId, false);
        ProviderStandIns.nextGoogleUser("g-audited", "audited@events.test", true, "Audited");
        Browser refused = new Browser();
        String callback = refused.open(BASE + "/oauth2/authorization/google", BASE + "/login/oauth2/code/google")
            .headers().firstValue("Location").orElseThrow();
        refused.open(callback);
        String admin = tokenFor(newUser("admin"));

        JsonNode signIns = http.get("/api/v1/audit?action=auth.sign_in&target_id=" + userId, admin).json();
        JsonNode failures = http.get("/api/v1/audit?action=auth.sign_in_failed&size=100", admin).json();

        assertThat(signIns.path("total").asLong()).isEqualTo(1);
        assertThat(signIns.path("items").get(0).path("actor_user_id").asLong()).isEqualTo(userId);
        assertThat(signIns.path("items").get(0).path("details").path("provider").asString()).isEqualTo("google");
        assertThat(signIns.path("items").get(0).path("details").path("flow").asString()).isEqualTo("browser");
        JsonNode failure = StreamSupport.stream(failures.path("items").spliterator(), false)
            .filter(item -> "account_disabled".equals(item.path("details").path("reason").asString()))
            .findFirst()
            .orElseThrow();
        assertThat(failure.path("target_type").asString()).isEqualTo("provider");
        assertThat(failure.path("target_id").asString()).isEqualTo("google");
        assertThat(failure.path("actor_user_id").isNull()).isTrue();
        String query = URI.create(callback).getRawQuery();
        assertThat(failures.toString()).doesNotContain(query.replaceAll(".*code=([^&]+).*", "$1"),
                query.replaceAll(".*state=([^&]+).*", "$1"));
    }

    @Test
    void aRefusedJsonLoginIsRecordedWithItsReason() {
        String admin = tokenFor(newUser("admin"));
        long before = http.get("/api/v1/audit?action=auth.sign_in_failed&size=1", admin).json().path("total").asLong();

        http.get("/api/v1/auth/github/callback?code=stolen-code&state=forged-state", null);

        JsonNode failures = http.get("/api/v1/audit?action=auth.sign_in_failed&target_id=github", admin).json();
        assertThat(http.get("/api/v1/audit?action=auth.sign_in_failed&size=1", admin).json().path("total").asLong())
            .isEqualTo(before + 1);
        JsonNode details = failures.path("items").get(0).path("details");
        assertThat(details.path("reason").asString()).isEqualTo("invalid_state");
        assertThat(details.path("flow").asString()).isEqualTo("api");
        assertThat(details.path("provider").asString()).isEqualTo("github");
        assertThat(failures.toString()).doesNotContain("stolen-code", "forged-state");
    }

    @Test
    void signingOutAtAuthServerAndThroughThePortalIsRecorded() {
        PortalSignIn portal = PortalSignIn.as(BASE, "g-bye", "bye@events.test", "Bye", "openid");
        long userId = users.findByEmailIgnoreCase("bye@events.test").orElseThrow().id();
        portal.browser().open(BASE + "/connect/logout?id_token_hint=" + portal.idToken()
                + "&post_logout_redirect_uri=http://localhost:8080/", "http://localhost:8080/");
        ProviderStandIns.nextGoogleUser("g-bye", "bye@events.test", true, "Bye");
        Browser browser = new Browser();
        browser.open(BASE + "/oauth2/authorization/google");
        String csrf = csrf(browser.open(BASE + "/account/link"));

        HttpResponse<String> loggedOut = browser.submit(BASE + "/logout", Map.of("_csrf", csrf), BASE + "/login");

        assertThat(loggedOut.headers().firstValue("Location").orElse("")).startsWith(BASE + "/login");
        JsonNode logouts = http.get("/api/v1/audit?action=auth.logout&target_id=" + userId, tokenFor(newUser("admin")))
            .json();
        assertThat(logouts.path("total").asLong()).isEqualTo(2);
        assertThat(logouts.path("items").get(0).path("details").path("via").asString()).isEqualTo("logout");
        assertThat(logouts.path("items").get(1).path("details").path("via").asString()).isEqualTo("rp_initiated");
        assertThat(logouts.path("items").get(1).path("details").path("client_id").asString()).isEqualTo("portal");
    }

    @Test
    void aDetectedRefreshTokenReuseIsRecorded() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-reused", "reused@events.test", "Reused", "openid");
        long userId = users.findByEmailIgnoreCase("reused@events.test").orElseThrow().id();
        refresh(signIn.refreshToken());

        refresh(signIn.refreshToken());

        JsonNode events = http.get("/api/v1/audit?action=token.refresh_reuse_detected&target_id=" + userId,
                tokenFor(newUser("admin"))).json();
        assertThat(events.path("total").asLong()).isEqualTo(1);
        assertThat(events.path("items").get(0).path("details").path("client_id").asString()).isEqualTo("portal");
        assertThat(events.toString()).doesNotContain(signIn.refreshToken());
    }

    @Test
    void theActionFilterReturnsOnlyThatAction() {
        ProviderStandIns.nextGoogleUser("g-filtered", "filtered@events.test", true, "Filtered");
        new Browser().open(BASE + "/oauth2/authorization/google");

        JsonNode page = http.get("/api/v1/audit?action=auth.sign_in&size=100", tokenFor(newUser("admin"))).json();

        assertThat(page.path("items").size()).isPositive();
        assertThat(StreamSupport.stream(page.path("items").spliterator(), false).map(i -> i.path("action").asString()))
            .containsOnly("auth.sign_in");
    }

    private void refresh(String refreshToken) {
        http.form("/oauth2/token", "portal", PortalSignIn.SECRET, "grant_type=refresh_token&refresh_token=" + refreshToken);
    }

    private static String csrf(HttpResponse<String> page) {
        return page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    }
}
