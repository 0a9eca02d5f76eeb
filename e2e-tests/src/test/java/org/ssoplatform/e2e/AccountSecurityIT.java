package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Browser;
import org.ssoplatform.e2e.client.Browser.Page;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing out and deleting an account, as a person's browser and the gateways see them: the portal's
 * sign-out ends the auth-server session too, "sign out everywhere" ends the portal's sessions on every
 * gateway and the auth-server session, and a deleted user's keys stop working on both gateways.
 */
@EndToEnd
class AccountSecurityIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final Stack stack;

    private final Fixtures fixtures;

    AccountSecurityIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void signingOutOfThePortalEndsTheAuthServerSessionToo() {
        Person person = fixtures.newPerson("portal-out");
        Browser browser = new Browser();
        portalSignIn(browser, stack.gatewayA(), person);

        Page signedOut = browser.submit(stack.gatewayA() + "/portal/account", "/portal/logout", Map.of());

        assertThat(signedOut.uri()).as("back at the portal's home").hasToString(stack.gatewayA() + "/");
        assertThat(stack.authServerAccessLog().lines()).anyMatch(line -> line.contains("GET /connect/logout?id_token_hint="));
        assertThat(browser.fetch("GET", stack.gatewayA() + "/portal/account", null).status()).isEqualTo(302);
        assertThat(browser.navigate(stack.gatewayA() + "/portal/account").body())
            .as("signing in again asks to sign in at auth-server").contains("/oauth2/authorization/google");
    }

    @Test
    void signingOutEverywhereEndsThePortalSessionsThroughBothGatewaysAndTheAuthServerSession() {
        Person person = fixtures.newPerson("everywhere");
        Browser laptop = new Browser();
        portalSignIn(laptop, stack.gatewayA(), person);
        Browser phone = new Browser();
        portalSignIn(phone, stack.gatewayB(), person);
        Browser someoneElse = new Browser();
        portalSignIn(someoneElse, stack.gatewayB(), fixtures.newPerson("bystander"));

        Page revoked = laptop.submit(stack.gatewayA() + "/portal/account", "/portal/account/sign-out-everywhere",
                Map.of());

        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);
        assertThat(revoked.body()).contains("You are signed out on every device.");
        assertThat(laptop.fetch("GET", stack.gatewayA() + "/portal/account", null).status()).isEqualTo(302);
        assertThat(phone.fetch("GET", stack.gatewayB() + "/portal/account", null).status()).isEqualTo(302);
        assertThat(phone.fetch("GET", stack.gatewayA() + "/portal/account", null).status()).isEqualTo(302);
        assertThat(someoneElse.fetch("GET", stack.gatewayB() + "/portal/account", null).status()).isEqualTo(200);
        assertThat(phone.navigate(stack.gatewayB() + "/portal/account").body())
            .as("signing in again asks to sign in at auth-server").contains("/oauth2/authorization/google");
    }

    @Test
    void aDeletedUsersKeysAreRefusedByBothGatewaysWithin1Second() {
        SignedInUser leaver = fixtures.newUser("deleted");
        CreatedKey key = fixtures.api(leaver).createKey("deleted-users-key", null, List.of(), List.of("users:read"));
        for (String gateway : List.of(stack.gatewayA(), stack.gatewayB())) {
            Expect.ok(call(gateway, key));
            Expect.ok(call(gateway, key));
        }

        Reply deleted = Http.delete(stack.gatewayA() + "/api/v1/users/me").bearer(leaver.accessToken()).send();
        long confirmed = System.nanoTime();

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        Map<String, Duration> refusedAfter = new LinkedHashMap<>();
        Poll.until(() -> "both gateways refusing the deleted user's key (so far: " + refusedAfter + ")",
                Duration.ofMillis(50), Duration.ofSeconds(5), () -> {
                    for (String gateway : List.of(stack.gatewayA(), stack.gatewayB())) {
                        if (!refusedAfter.containsKey(gateway) && call(gateway, key).status() == 401) {
                            refusedAfter.put(gateway, Duration.ofNanos(System.nanoTime() - confirmed));
                        }
                    }
                    return refusedAfter.size() == 2;
                });
        System.out.printf("e2e: a deleted user's key refused after %s%n", refusedAfter.values());
        assertThat(refusedAfter).allSatisfy((gateway, elapsed) -> assertThat(elapsed).isLessThanOrEqualTo(WITHIN));
        Reply audit = Http.get(stack.gatewayA() + "/api/v1/audit?action=user.deleted&target_id=" + leaver.id())
            .bearer(fixtures.admin().accessToken())
            .send();
        assertThat(audit.json().get("total")).as("%s", audit).isEqualTo(1);
    }

    /**
     * Signs {@code person} in to the portal of {@code gateway} as a browser does: the gateway sends it to
     * auth-server, whose sign-in page offers the provider; back at the portal it is signed in.
     */
    private void portalSignIn(Browser browser, String gateway, Person person) {
        synchronized (SignIn.class) { // the stand-in's queue of people is shared with the JSON sign-ins
            Page signInPage = browser.navigate(gateway + "/portal/oauth2/authorization/portal");
            assertThat(signInPage.body()).as("%s", signInPage).contains("/oauth2/authorization/google");
            stack.idp().nextUser(person.subject(), person.email(), person.emailVerified(), person.name());
            Page home = browser.navigate(stack.authServer() + "/oauth2/authorization/google");
            assertThat(home.status()).as("%s", home).isEqualTo(200);
            assertThat(home.body()).contains("Signed in as").contains(person.email());
        }
    }

    private static Reply call(String gateway, CreatedKey key) {
        return Http.get(gateway + "/examples/apikey-only").apiKey(key.key()).send();
    }
}
