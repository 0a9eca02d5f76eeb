package org.ssoplatform.auth.federation;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/users/me/identities}: the caller's linked provider accounts, and unlinking them. */
class IdentityApiTests extends ManagementApiFlow {

    @Test
    void listsTheCallersLinkedAccountsAndUnlinksAllButTheLast() {
        Browser browser = AccountLinkingTests.signedInWithGoogle(BASE, "g-ids", "ids@identities.test");
        String atGitHub = AccountLinkingTests.startLinking(browser, BASE, "github");
        ProviderStandIns.nextGitHubUser(4001, "ids4001", "ids.other@identities.test", "[]");
        browser.open(atGitHub);
        User user = users.findByEmailIgnoreCase("ids@identities.test").orElseThrow();
        String token = tokenFor(user);

        JsonNode identities = http.get("/api/v1/users/me/identities", token).json();

        assertThat(identities.size()).isEqualTo(2);
        JsonNode google = identities.get(0);
        JsonNode gitHub = identities.get(1);
        assertThat(google.path("provider").asString()).isEqualTo("google");
        assertThat(google.path("provider_user_id").asString()).isEqualTo("g-ids");
        assertThat(google.path("email").asString()).isEqualTo("ids@identities.test");
        assertThat(google.path("email_verified").asBoolean()).isTrue();
        assertThat(google.path("linked_at").asString()).isNotBlank();
        assertThat(gitHub.path("provider").asString()).isEqualTo("github");
        assertThat(gitHub.path("provider_user_id").asString()).isEqualTo("4001");
        assertThat(gitHub.path("email_verified").asBoolean()).isFalse();

        Http.Response unlinked = http.delete("/api/v1/users/me/identities/" + gitHub.path("id").asLong(), token);

        assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(204);
        JsonNode left = http.get("/api/v1/users/me/identities/", token).json();
        assertThat(left.size()).isEqualTo(1);
        assertThat(left.get(0).path("provider").asString()).isEqualTo("google");
        assertProblem(http.delete("/api/v1/users/me/identities/" + google.path("id").asLong(), token), 409,
                "last_identity");
        String admin = tokenFor(newUser("admin"));
        JsonNode unlinkAudit = http.get("/api/v1/audit?action=identity.unlinked&target_id=" + user.id(), admin).json();
        assertThat(unlinkAudit.path("total").asLong()).isEqualTo(1);
        assertThat(unlinkAudit.path("items").get(0).path("details").path("provider").asString()).isEqualTo("github");
        JsonNode linkAudit = http.get("/api/v1/audit?action=identity.linked&target_id=" + user.id(), admin).json();
        assertThat(linkAudit.path("items").get(0).path("details").path("via").asString()).isEqualTo("link_request");
        // Unlinked, the GitHub account signs in as a user of its own, not as this one.
        ProviderStandIns.nextGitHubUser(4001, "ids4001", "ids.other@identities.test", "[]");
        assertThat(new Browser().open(BASE + "/oauth2/authorization/github").body())
            .doesNotContain("ids@identities.test");
    }

    @Test
    void someoneElsesIdentityIs404AndOnlyTheUsersOwnTokenUnlinks() {
        AccountLinkingTests.signedInWithGoogle(BASE, "g-ids-owner", "owner@identities.test");
        User owner = users.findByEmailIgnoreCase("owner@identities.test").orElseThrow();
        long identity = http.get("/api/v1/users/me/identities", tokenFor(owner)).json().get(0).path("id").asLong();
        String ownersKeyToken = apiKeyToken(createKey(tokenFor(owner), Map.of("name", "reader")).path("key").asString());

        assertProblem(http.delete("/api/v1/users/me/identities/" + identity, tokenFor(newUser("admin"))), 404,
                "not_found");
        assertProblem(http.delete("/api/v1/users/me/identities/" + identity, ownersKeyToken), 401, null);
        assertThat(http.get("/api/v1/users/me/identities", ownersKeyToken).json().size()).isEqualTo(1);
        assertProblem(http.delete("/api/v1/users/me/identities/abc", tokenFor(owner)), 400, null);
    }
}
