package org.ssoplatform.auth.federation;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.AuthServerFlowTest;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedSignInTest extends AuthServerFlowTest {

    @Autowired
    UserRepository users;

    @Autowired
    OAuthAccountRepository accounts;

    @Autowired
    RoleRepository roles;

    @Test
    void firstGoogleSignInProvisionsAUserWithRoleUserAndTheGoogleAccount() {
        ProviderStandIns.nextGoogleUser("g-first", "First.Person@federation.test", true, "First Person");

        HttpResponse<String> landing = new Browser().open(BASE + "/oauth2/authorization/google");

        assertThat(landing.statusCode()).isEqualTo(200);
        assertThat(landing.body()).contains("\"email\":\"First.Person@federation.test\"", "\"linked_providers\":[\"google\"]");
        User user = users.findByEmailIgnoreCase("first.person@federation.test").orElseThrow();
        assertThat(user.fullName()).isEqualTo("First Person");
        assertThat(user.avatarUrl()).isEqualTo("https://avatars.example/g-first");
        assertThat(user.roleIds()).containsExactly(roleId("user"));
    }

    @Test
    void gitHubSignInWithTheSameVerifiedEmailLinksToTheExistingUser() {
        ProviderStandIns.nextGoogleUser("g-link", "link@federation.test", true, "Link Me");
        new Browser().open(BASE + "/oauth2/authorization/google");
        ProviderStandIns.nextGitHubUser(1001, "linkme", "LINK@federation.test",
                "[{\"email\":\"LINK@federation.test\",\"primary\":true,\"verified\":true}]");

        HttpResponse<String> landing = new Browser().open(BASE + "/oauth2/authorization/github");

        assertThat(landing.body()).contains("\"linked_providers\":[\"github\",\"google\"]");
        long userId = users.findByEmailIgnoreCase("link@federation.test").orElseThrow().id();
        assertThat(accounts.findByUserId(userId)).extracting(OAuthAccount::provider).containsExactlyInAnyOrder("google", "github");
    }

    @Test
    void anUnverifiedEmailNeverLinksToAnExistingUser() {
        ProviderStandIns.nextGoogleUser("g-victim", "victim@federation.test", true, "Victim");
        new Browser().open(BASE + "/oauth2/authorization/google");
        ProviderStandIns.nextGitHubUser(1002, "attacker", "victim@federation.test",
                "[{\"email\":\"victim@federation.test\",\"primary\":true,\"verified\":false}]");

        HttpResponse<String> page = new Browser().open(BASE + "/oauth2/authorization/github");

        assertThat(page.body()).contains("has not verified it");
        assertThat(accounts.findByProviderAndProviderUserId("github", "1002")).isEmpty();
        long victim = users.findByEmailIgnoreCase("victim@federation.test").orElseThrow().id();
        assertThat(accounts.findByUserId(victim)).extracting(OAuthAccount::provider).containsExactly("google");
    }

    @Test
    void anAccountCreatedFromAnUnverifiedEmailCannotCaptureTheRealOwnersSignIn() {
        ProviderStandIns.nextGitHubUser(1005, "squatter", "owner@federation.test",
                "[{\"email\":\"owner@federation.test\",\"primary\":true,\"verified\":false}]");
        new Browser().open(BASE + "/oauth2/authorization/github");
        ProviderStandIns.nextGoogleUser("g-owner", "owner@federation.test", true, "Real Owner");

        HttpResponse<String> page = new Browser().open(BASE + "/oauth2/authorization/google");

        assertThat(page.body()).contains("nobody has proven they own the address");
        assertThat(accounts.findByProviderAndProviderUserId("google", "g-owner")).isEmpty();
    }

    @Test
    void gitHubUserWithAPrivateEmailGetsTheirPrimaryVerifiedAddress() {
        ProviderStandIns.nextGitHubUser(1003, "private", null, """
                [{"email":"old@federation.test","primary":false,"verified":true},
                 {"email":"private.primary@federation.test","primary":true,"verified":true},
                 {"email":"unverified@federation.test","primary":false,"verified":false}]""");

        HttpResponse<String> landing = new Browser().open(BASE + "/oauth2/authorization/github");

        assertThat(landing.body()).contains("\"email\":\"private.primary@federation.test\"");
        assertThat(accounts.findByProviderAndProviderUserId("github", "1003")).get()
            .extracting(OAuthAccount::emailVerified)
            .isEqualTo(true);
        assertThat(ProviderStandIns.gitHubEmailCalls()).isEqualTo(1);
    }

    @Test
    void aDeactivatedUserCannotSignInAndIsToldWhy() {
        ProviderStandIns.nextGoogleUser("g-inactive", "inactive@federation.test", true, "Inactive");
        new Browser().open(BASE + "/oauth2/authorization/google");
        users.save(users.findByEmailIgnoreCase("inactive@federation.test").orElseThrow().withActive(false));
        ProviderStandIns.nextGoogleUser("g-inactive", "inactive@federation.test", true, "Inactive");

        HttpResponse<String> page = new Browser().open(BASE + "/oauth2/authorization/google");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This account is deactivated").doesNotContain("\"email\"");
    }

    @Test
    void aBootstrapAdminEmailGetsTheAdminRoleOnFirstSignIn() {
        ProviderStandIns.nextGoogleUser("g-boss", "Boss@federation.test", true, "The Boss");

        new Browser().open(BASE + "/oauth2/authorization/google");

        assertThat(users.findByEmailIgnoreCase("boss@federation.test").orElseThrow().roleIds())
            .containsExactlyInAnyOrder(roleId("user"), roleId("admin"));
    }

    @Test
    void aSignedInUserCanLinkAProviderExplicitly() {
        Browser browser = new Browser();
        ProviderStandIns.nextGoogleUser("g-explicit", "explicit@federation.test", true, "Explicit");
        browser.open(BASE + "/oauth2/authorization/google");
        // A different, unverified e-mail: only the explicit request can link it.
        ProviderStandIns.nextGitHubUser(1004, "explicit", "someone.else@federation.test", "[]");

        HttpResponse<String> landing = browser.open(BASE + "/account/link/github");

        assertThat(landing.body()).contains("\"email\":\"explicit@federation.test\"",
                "\"linked_providers\":[\"github\",\"google\"]");
    }

    private long roleId(String name) {
        return roles.findByName(name).orElseThrow().id();
    }
}
