package org.ssoplatform.auth.user;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.PortalSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /users/me/sessions/revoke} and {@code /users/{id}/sessions/revoke}: every browser session of
 * the user ends (here auth-server's; the portal's in the gateway's and the e2e tests) and every refresh
 * token is revoked, seen as a browser and a client see them.
 */
class SignOutEverywhereTests extends ManagementApiFlow {

    @Test
    void signingOutEverywhereEndsEveryBrowserSessionAndRefreshTokenOfTheUserOnly() {
        PortalSignIn laptop = PortalSignIn.as(BASE, "g-everywhere", "everywhere@sessions.test", "Everywhere", "openid");
        PortalSignIn phone = PortalSignIn.as(BASE, "g-everywhere", "everywhere@sessions.test", "Everywhere", "openid");
        PortalSignIn bystander = PortalSignIn.as(BASE, "g-bystander", "bystander@sessions.test", "Bystander", "openid");
        assertThat(signedIn(laptop.browser())).isTrue();
        assertThat(signedIn(phone.browser())).isTrue();

        Http.Response response = http.post("/api/v1/users/me/sessions/revoke", laptop.accessToken(), null);

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(signedIn(laptop.browser())).as("laptop").isFalse();
        assertThat(signedIn(phone.browser())).as("phone").isFalse();
        assertThat(refresh(laptop).status()).isEqualTo(400);
        assertThat(refresh(phone).json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(signedIn(bystander.browser())).as("another user").isTrue();
        assertThat(refresh(bystander).status()).isEqualTo(200);
        long userId = users.findByEmailIgnoreCase("everywhere@sessions.test").orElseThrow().id();
        JsonNode audit = http.get("/api/v1/audit?action=user.sessions_revoked&target_id=" + userId,
                tokenFor(newUser("admin"))).json();
        assertThat(audit.path("total").asLong()).isEqualTo(1);
        assertThat(audit.path("items").get(0).path("actor_user_id").asLong()).isEqualTo(userId);
    }

    @Test
    void theNextSignInStartsAFreshSession() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-fresh", "fresh@sessions.test", "Fresh", "openid");
        http.post("/api/v1/users/me/sessions/revoke", signIn.accessToken(), null);

        PortalSignIn again = PortalSignIn.as(BASE, "g-fresh", "fresh@sessions.test", "Fresh", "openid");

        assertThat(signedIn(again.browser())).isTrue();
        assertThat(refresh(again).status()).isEqualTo(200);
    }

    @Test
    void anAdminSignsAnotherUserOutEverywhereAndNobodyElseCan() {
        PortalSignIn target = PortalSignIn.as(BASE, "g-target", "target@sessions.test", "Target", "openid");
        long targetId = users.findByEmailIgnoreCase("target@sessions.test").orElseThrow().id();
        String path = "/api/v1/users/" + targetId + "/sessions/revoke";
        User admin = newUser("admin");
        String adminKeyToken = apiKeyToken(createKey(tokenFor(admin), java.util.Map.of("name", "ops")).path("key")
            .asString());

        assertProblem(http.post(path, tokenFor(newUser("user")), null), 403, null);
        assertProblem(http.post(path, adminKeyToken, null), 401, null);
        assertThat(signedIn(target.browser())).isTrue();
        assertThat(http.post(path, tokenFor(admin), null).status()).isEqualTo(204);
        assertThat(signedIn(target.browser())).isFalse();
        assertProblem(http.post("/api/v1/users/" + UNKNOWN_ID + "/sessions/revoke", tokenFor(admin), null), 404,
                "not_found");
    }

    /** Whether the browser still has an auth-server session: the portal gets a code without the login page. */
    static boolean signedIn(Browser browser) {
        HttpResponse<String> response = browser.open(PortalSignIn.authorizeUrl(BASE, "openid"), PortalSignIn.CALLBACK);
        if (PortalSignIn.code(response) != null) {
            return true;
        }
        assertThat(response.body()).as("the login page").contains("/oauth2/authorization/google");
        return false;
    }

    private Http.Response refresh(PortalSignIn signIn) {
        return http.form("/oauth2/token", "portal", PortalSignIn.SECRET,
                "grant_type=refresh_token&refresh_token=" + signIn.refreshToken());
    }
}
