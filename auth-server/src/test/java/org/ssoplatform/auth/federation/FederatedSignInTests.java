package org.ssoplatform.auth.federation;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

class FederatedSignInTests extends AuthServerFlow {

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
    void anAccountCreatedFromAnUnverifiedEmailNeitherCapturesNorBlocksTheRealOwner() {
        ProviderStandIns.nextGitHubUser(1005, "squatter", "owner@federation.test",
                "[{\"email\":\"owner@federation.test\",\"primary\":true,\"verified\":false}]");
        new Browser().open(BASE + "/oauth2/authorization/github");
        long squatter = accounts.findByProviderAndProviderUserId("github", "1005").orElseThrow().userId().getId();
        ProviderStandIns.nextGoogleUser("g-owner", "owner@federation.test", true, "Real Owner");

        HttpResponse<String> landing = new Browser().open(BASE + "/oauth2/authorization/google");

        assertThat(landing.body()).contains("\"email\":\"owner@federation.test\"", "\"email_verified\":true",
                "\"linked_providers\":[\"google\"]");
        long owner = accounts.findByProviderAndProviderUserId("google", "g-owner").orElseThrow().userId().getId();
        assertThat(owner).isNotEqualTo(squatter);
        assertThat(users.findById(squatter).orElseThrow().emailVerified()).isFalse();
        assertThat(users.findById(owner).orElseThrow().emailVerified()).isTrue();
        assertThat(users.findByVerifiedEmail("OWNER@federation.test")).get().extracting(User::id).isEqualTo(owner);
    }

    @Test
    void anEmailFromAProviderNotTrustedToVerifyIsStoredUnverifiedAndNeverLinks() {
        ProviderStandIns.nextGoogleUser("g-trusted", "trusted@federation.test", true, "Trusted");
        HttpResponse<String> google = new Browser().open(BASE + "/oauth2/authorization/google");
        ProviderStandIns.nextOktaUser("okta-new", "untrusted@federation.test", true);
        HttpResponse<String> okta = new Browser().open(BASE + "/oauth2/authorization/okta");
        ProviderStandIns.nextOktaUser("okta-claims-google", "trusted@federation.test", true);

        HttpResponse<String> claimingTheGoogleAddress = new Browser().open(BASE + "/oauth2/authorization/okta");

        assertThat(google.body()).contains("\"email_verified\":true");
        assertThat(okta.body()).contains("\"email\":\"untrusted@federation.test\"", "\"email_verified\":false");
        assertThat(accounts.findByProviderAndProviderUserId("okta", "okta-new")).get()
            .extracting(OAuthAccount::emailVerified).isEqualTo(false);
        assertThat(claimingTheGoogleAddress.body()).contains("has not verified it");
        assertThat(accounts.findByProviderAndProviderUserId("okta", "okta-claims-google")).isEmpty();
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
        Browser browser = AccountLinkingTests.signedInWithGoogle(BASE, "g-explicit", "explicit@federation.test");
        String atGitHub = AccountLinkingTests.startLinking(browser, BASE, "github");
        // A different, unverified e-mail: only the explicit request can link it.
        ProviderStandIns.nextGitHubUser(1004, "explicit", "someone.else@federation.test", "[]");

        HttpResponse<String> landing = browser.open(atGitHub);

        assertThat(landing.body()).contains("\"email\":\"explicit@federation.test\"",
                "\"linked_providers\":[\"github\",\"google\"]");
    }

    private long roleId(String name) {
        return roles.findByName(name).orElseThrow().id();
    }
}
