package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ssoplatform.e2e.browser.Browser;
import org.ssoplatform.e2e.browser.SignInPages;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.client.Tokens;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;
import org.ssoplatform.e2e.stack.StandInIdp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's pages in a real browser (headless Chromium), through gateway A only: signing in at the local
 * stand-in, managing API keys and using them through the gateway, administration, linked sign-ins, signing out
 * everywhere, and what a person sees when refused or when a form is wrong. Every page is kept as a screenshot
 * under {@code target/screenshots/<test>/}.
 */
@EndToEnd
class PortalPagesIT {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private final Stack stack;

    private final Fixtures fixtures;

    PortalPagesIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aPersonCreatesCopiesUsesRotatesAndDeactivatesAKey() {
        try (Browser browser = Browser.open("portal-api-keys")) {
            signIn(browser, "keys-owner@e2e.test");
            browser.visit(stack.gatewayA() + "/portal/keys");
            browser.waitForText("You have no API keys yet.");
            browser.type(By.id("name"), "nightly export");
            browser.click(By.cssSelector("#create-key input[type=checkbox]"));
            browser.screenshot("create-key-form");
            browser.click(By.id("create"));

            browser.waitForText("it will not be shown again");
            String key = browser.find(By.id("new-key-secret")).getText();
            assertThat(key).isNotBlank();
            grantClipboard(browser);
            browser.click(By.id("copy-key"));
            browser.waitForText("The key is on your clipboard.");
            assertThat(clipboard(browser)).isEqualTo(key);
            browser.screenshot("key-created");
            assertThat(call(key).status()).as("the new key through the gateway").isEqualTo(200);

            browser.click(By.cssSelector("#keys button.rotate"));
            acceptConfirm(browser);
            browser.waitForText("The previous secret keeps working until");
            String rotated = browser.find(By.id("new-key-secret")).getText();
            assertThat(rotated).isNotEqualTo(key);
            assertThat(call(rotated).status()).as("the rotated key").isEqualTo(200);
            browser.screenshot("key-rotated");

            browser.visit(stack.gatewayA() + "/portal/keys");
            browser.waitForText("nightly export");
            assertThat(browser.find(By.cssSelector("#keys .key-status")).getText()).isEqualTo("active");
            browser.screenshot("api-keys");
            browser.click(By.cssSelector("#keys button.deactivate"));
            browser.waitForText("is deactivated"); // the page answers once the change is committed
            long deactivated = System.nanoTime();
            Poll.until(() -> "the deactivated key refused", Duration.ofMillis(50), Duration.ofSeconds(5),
                    () -> call(rotated).status() == 401);
            Duration refusedAfter = Duration.ofNanos(System.nanoTime() - deactivated);
            System.out.printf("e2e: a key deactivated in the portal refused after %s%n", refusedAfter);
            assertThat(refusedAfter).isLessThanOrEqualTo(WITHIN);
            assertThat(browser.find(By.cssSelector("#keys .key-status")).getText()).isEqualTo("inactive");
            browser.screenshot("key-deactivated");

            browser.driver().manage().window().setSize(new Dimension(375, 900));
            browser.visit(stack.gatewayA() + "/portal/keys");
            browser.waitForText("nightly export");
            assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling at 375 px").isLessThanOrEqualTo(375);
            browser.screenshot("api-keys-375px");
        }
    }

    @Test
    void aFormWithBadInputShowsTheErrorNextToTheField() {
        try (Browser browser = Browser.open("portal-form-errors")) {
            signIn(browser, "careless@e2e.test");
            browser.visit(stack.gatewayA() + "/portal/keys");
            browser.waitForText("Create a key");
            browser.type(By.id("name"), " ");
            browser.click(By.id("create"));

            WebElement error = browser.find(By.id("name-error"));
            assertThat(error.getText()).isEqualTo("must not be blank");
            WebElement field = browser.find(By.id("name"));
            assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
            assertThat(field.getDomAttribute("aria-describedby")).isEqualTo("name-error");
            assertThat(browser.text()).doesNotContain("validation_failed", "{");
            browser.screenshot("bad-input");
        }
    }

    @Test
    void someoneWhoIsNoAdminIsRefusedTheAdministrationPages() {
        try (Browser browser = Browser.open("portal-not-admin")) {
            signIn(browser, "not-an-admin@e2e.test");
            assertThat(browser.driver().findElements(By.id("nav-admin"))).isEmpty();
            for (String page : List.of("users", "roles", "clients", "audit", "signing-keys")) {
                browser.visit(stack.gatewayA() + "/portal/admin/" + page);
                browser.waitForText("This page is for administrators only.");
                assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for you");
                browser.screenshot("refused-" + page);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminGrantsARoleTheUsersNextTokenCarriesItAndTheAuditLogShowsIt() {
        Person person = fixtures.newPerson("promoted");
        SignedInUser member = fixtures.signIn(person);
        assertThat((List<Object>) Tokens.claims(member.accessToken()).get("roles")).doesNotContain("viewer");
        try (Browser browser = Browser.open("portal-admin-users")) {
            String adminEmail = "portal-admin@e2e.test";
            signIn(browser, adminEmail);
            makeAdmin(adminEmail);
            Poll.until(() -> "the administration pages open to the new admin", Duration.ofMillis(500),
                    Duration.ofSeconds(20), () -> {
                        browser.visit(stack.gatewayA() + "/portal/admin/users?email=" + member.email());
                        return !browser.driver().findElements(By.id("users")).isEmpty();
                    });
            browser.screenshot("admin-users-search");
            String row = "#user-" + member.id();
            new org.openqa.selenium.support.ui.Select(browser.find(By.cssSelector(row + " select")))
                .selectByVisibleText("viewer");
            browser.click(By.cssSelector(row + " button.grant-role"));
            browser.waitForText("Role granted to " + member.email());
            assertThat(browser.find(By.cssSelector(row)).getText()).contains("viewer");

            SignedInUser again = fixtures.signIn(person);
            assertThat(again.id()).isEqualTo(member.id());
            assertThat((List<Object>) Tokens.claims(again.accessToken()).get("roles"))
                .as("the next token's roles (the user as auth-server shows it: %s)", again.user())
                .contains("viewer");

            browser.visit(stack.gatewayA() + "/portal/admin/users");
            browser.waitForText("users");
            browser.screenshot("admin-users");
            browser.visit(stack.gatewayA() + "/portal/admin/audit");
            browser.type(By.id("filter-action"), "user.role_added");
            browser.type(By.id("filter-target_id"), Long.toString(member.id()));
            browser.find(By.id("filter-target_id")).submit();
            browser.waitForText("user " + member.id());
            assertThat(browser.driver().findElements(By.cssSelector("#audit tr[data-action='user.role_added']")))
                .isNotEmpty();
            browser.screenshot("audit-log");
        }
    }

    @Test
    void anAdminDeletesAPermissionARoleHoldsOnlyAfterAgreeingToRemoveItFromTheRole() {
        try (Browser browser = Browser.open("portal-admin-permissions")) {
            String adminEmail = "permission-admin@e2e.test";
            signIn(browser, adminEmail);
            makeAdmin(adminEmail);
            // Writing permissions needs the admin role in the token itself, so sign in again for a new one.
            browser.click(By.id("sign-out"));
            browser.waitForUrl("the portal's start page", url -> url.startsWith(stack.gatewayA() + "/"));
            browser.waitForText("Sign in");
            signIn(browser, adminEmail);
            browser.visit(stack.gatewayA() + "/portal/admin/roles");
            browser.type(By.id("permission-name"), "reports:export");
            browser.find(By.id("permission-name")).submit();
            browser.waitForText("Permission \"reports:export\" created.");
            String permissionRow = browser
                .find(By.xpath("//table[@id='permissions']//tr[td/code[text()='reports:export']]"))
                .getDomAttribute("id");
            String permissionId = permissionRow.substring("permission-".length());
            browser.type(By.id("role-name"), "exporters");
            browser.click(By.cssSelector("#create-role input[value='" + permissionId + "']"));
            browser.click(By.id("create-role-button"));
            browser.waitForText("Role \"exporters\" created.");

            browser.click(By.cssSelector("#" + permissionRow + " a.btn-danger"));
            browser.waitForText("Delete the permission “reports:export”?");
            browser.click(By.id("confirm-delete"));
            browser.waitForText("1 role(s)");
            assertThat(browser.find(By.id("cascade")).isSelected()).isTrue();
            browser.screenshot("permission-held");
            browser.click(By.id("confirm-delete"));

            browser.waitForText("Permission \"reports:export\" deleted.");
            assertThat(browser.driver().findElements(By.id(permissionRow))).isEmpty();
            assertThat(browser.find(By.id("role-exporters")).getText()).doesNotContain("reports:export");

            browser.driver().manage().window().setSize(new Dimension(375, 900));
            for (String page : List.of("users", "roles", "clients", "audit", "signing-keys")) {
                browser.visit(stack.gatewayA() + "/portal/admin/" + page);
                browser.waitForText("Administration");
                assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling on %s at 375 px", page).isLessThanOrEqualTo(375);
                browser.screenshot("admin-" + page + "-375px");
            }
        }
    }

    @Test
    void anAdminRegistersAServiceThatGetsATokenThenRotatesItsSecretAndDeletesIt() {
        try (Browser browser = Browser.open("portal-admin-clients")) {
            String adminEmail = "clients-admin@e2e.test";
            signIn(browser, adminEmail);
            makeAdmin(adminEmail);
            // Managing clients needs the admin role in the token itself, so sign in again for a new one.
            browser.click(By.id("sign-out"));
            browser.waitForUrl("the portal's start page", url -> url.startsWith(stack.gatewayA() + "/"));
            browser.waitForText("Sign in");
            signIn(browser, adminEmail);
            browser.visit(stack.gatewayA() + "/portal/admin/clients");
            browser.waitForText("Register a client");
            assertThat(browser.find(By.id("client-portal")).getText()).contains("configured");
            browser.type(By.id("name"), "Nightly reports");
            browser.type(By.id("clientId"), "nightly-reports");
            browser.click(By.cssSelector("#register-client input[value='client_credentials']"));
            browser.type(By.id("scopes"), "reports.read");
            browser.screenshot("register-client-form");
            browser.click(By.id("register"));

            browser.waitForText("it will not be shown again");
            String secret = browser.find(By.id("new-client-secret")).getText();
            assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
            browser.screenshot("client-registered");
            assertThat(token("nightly-reports", secret).status()).as("a token for the new client").isEqualTo(200);

            new org.openqa.selenium.support.ui.Select(browser.find(By.id("grace-nightly-reports")))
                .selectByValue("0");
            browser.click(By.cssSelector("#client-nightly-reports button.rotate"));
            acceptConfirm(browser);
            browser.waitForText("The previous secret no longer works.");
            String rotated = browser.find(By.id("new-client-secret")).getText();
            assertThat(rotated).isNotEqualTo(secret);
            assertThat(token("nightly-reports", secret).status()).as("the rotated-out secret").isEqualTo(401);
            assertThat(token("nightly-reports", rotated).status()).as("the new secret").isEqualTo(200);
            browser.screenshot("client-secret-rotated");

            browser.visit(stack.gatewayA() + "/portal/admin/clients");
            browser.waitForText("nightly-reports");
            browser.screenshot("admin-clients");
            browser.click(By.cssSelector("#client-nightly-reports a.delete"));
            browser.waitForText("Delete the client “nightly-reports”?");
            browser.click(By.id("confirm-delete"));
            browser.waitForText("Client \"nightly-reports\" deleted.");
            assertThat(browser.driver().findElements(By.id("client-nightly-reports"))).isEmpty();
            assertThat(token("nightly-reports", rotated).status()).as("the deleted client").isEqualTo(401);
        }
    }

    @Test
    void aPersonLinksASecondProviderAndUnlinksIt() {
        try (Browser browser = Browser.open("portal-linked-sign-ins")) {
            String email = "linker@e2e.test";
            browser.visit(stack.gatewayA() + "/");
            browser.click(By.id("sign-in"));
            browser.waitForUrl("auth-server's sign-in page", url -> url.startsWith(stack.authServer() + "/login"));
            synchronized (SignIn.class) { // the stand-in's queue of people is shared with the JSON sign-ins
                stack.idp().nextUser("linker", email, true, "Lin Ker");
                browser.click(By.cssSelector("a[href$='/oauth2/authorization/" + StandInIdp.PROVIDER + "']"));
                browser.waitForUrl("the portal's start page", url -> url.equals(stack.gatewayA() + "/"));
            }
            browser.visit(stack.gatewayA() + "/portal/account");
            browser.waitForText("Linked sign-ins");
            assertThat(browser.driver().findElements(By.cssSelector("#identities tr[data-provider]"))).hasSize(1);
            browser.screenshot("account");

            browser.click(By.id("link-another"));
            browser.waitForUrl("auth-server's link page", url -> url.startsWith(stack.authServer() + "/account/link"));
            browser.screenshot("link-page");
            browser.click(By.cssSelector("form[action$='/account/link/local'] button"));
            browser.waitForUrl("the local stand-in's sign-in form", url -> url.startsWith(stack.localIdp() + "/local/authorize"));
            browser.type(By.id("username"), email);
            browser.click(By.id("sign-in"));
            // Linked, auth-server sends the person on to the portal's account page (/account for browsers).
            browser.waitForUrl("back at the portal's account page", url -> url.startsWith(stack.gatewayA() + "/portal/account"));

            browser.visit(stack.gatewayA() + "/portal/account");
            browser.waitForText("Linked sign-ins");
            assertThat(browser.driver().findElements(By.cssSelector("#identities tr[data-provider]"))).hasSize(2);
            browser.screenshot("two-sign-ins");

            browser.click(By.id("unlink-local"));
            acceptConfirm(browser);
            browser.waitForText("The sign-in was unlinked.");
            assertThat(browser.driver().findElements(By.cssSelector("#identities tr[data-provider]"))).hasSize(1);
            assertThat(browser.driver().findElements(By.id("unlink-local"))).isEmpty();
            browser.screenshot("unlinked");
        }
    }

    @Test
    void aPersonSignedInAtTheLocalStandInLinksGoogle() {
        try (Browser browser = Browser.open("portal-link-google")) {
            String email = "google-linker@e2e.test";
            signIn(browser, email);
            browser.visit(stack.gatewayA() + "/portal/account");
            browser.waitForText("Linked sign-ins");
            assertThat(browser.driver().findElements(By.cssSelector("#identities tr[data-provider]"))).hasSize(1);

            browser.click(By.id("link-another"));
            browser.waitForUrl("auth-server's link page", url -> url.startsWith(stack.authServer() + "/account/link"));
            synchronized (SignIn.class) { // the stand-in's queue of people is shared with the JSON sign-ins
                stack.idp().nextUser("google-linker", "other.google-linker@e2e.test", true, "Google Linker");
                browser.click(By.cssSelector("form[action$='/account/link/" + StandInIdp.PROVIDER + "'] button"));
                browser.waitForUrl("back at auth-server's account", url -> url.startsWith(stack.authServer() + "/account"));
            }
            browser.screenshot("google-linked");

            browser.visit(stack.gatewayA() + "/portal/account");
            browser.waitForText("Linked sign-ins");
            assertThat(browser.driver().findElements(By.cssSelector("#identities tr[data-provider]")))
                .extracting(row -> row.getDomAttribute("data-provider"))
                .containsExactlyInAnyOrder("local", StandInIdp.PROVIDER);
            browser.screenshot("local-and-google");
        }
    }

    @Test
    void signingOutEverywhereEndsThePortalAndAuthServerSessions() {
        try (Browser browser = Browser.open("portal-sign-out-everywhere")) {
            signIn(browser, "everywhere@e2e.test");
            browser.visit(stack.gatewayA() + "/portal/account");
            browser.click(By.id("sign-out-everywhere"));
            acceptConfirm(browser);

            browser.waitForText("You are signed out on every device.");
            browser.screenshot("signed-out-everywhere");
            browser.visit(stack.gatewayA() + "/portal/account");
            browser.waitForUrl("auth-server's sign-in page", url -> url.startsWith(stack.authServer() + "/login"));
            browser.screenshot("asked-to-sign-in-again");
        }
    }

    /** From the portal's start page through auth-server and the local stand-in, back signed in. */
    private void signIn(Browser browser, String email) {
        browser.visit(stack.gatewayA() + "/");
        browser.screenshot("start");
        browser.click(By.id("sign-in"));
        new SignInPages(browser, stack.authServer(), stack.localIdp()).signInAtTheStandIn(email);
        browser.waitForUrl("the portal's start page", url -> url.equals(stack.gatewayA() + "/"));
        browser.waitForText("Signed in as");
        browser.screenshot("signed-in");
    }

    private void makeAdmin(String email) {
        SignedInUser admin = fixtures.admin();
        Reply found = Http.get(stack.gatewayA() + "/api/v1/users/?email=" + email).bearer(admin.accessToken()).send();
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) found.json().get("items");
        long id = ((Number) items.get(0).get("id")).longValue();
        Reply granted = fixtures.api(admin).assignRole(id, "admin");
        assertThat(granted.status()).as("%s", granted).isEqualTo(200);
    }

    private Reply token(String clientId, String secret) {
        return Http.post(stack.authServer() + "/oauth2/token").basic(clientId, secret)
            .form("grant_type=client_credentials").send();
    }

    private Reply call(String key) {
        return Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(key).send();
    }

    private static void acceptConfirm(Browser browser) {
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    }

    private void grantClipboard(Browser browser) {
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", stack.gatewayA(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    private static String clipboard(Browser browser) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeAsyncScript("var done = arguments[0]; navigator.clipboard.readText().then(done, function () { done(null); });");
    }
}
