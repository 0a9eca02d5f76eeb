package org.ssoplatform.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ssoplatform.e2e.browser.Browser;
import org.ssoplatform.e2e.browser.SignInPages;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in through the gateway in a real browser: {@code http://localhost:<gateway>/} (the
 * portal's start page) → auth-server's sign-in page → the local stand-in's form → back through auth-server
 * to the gateway, signed in to the portal. The portal and auth-server share the host {@code localhost}
 * (cookies ignore ports), so this fails whenever the two apps' session cookies clash.
 */
@EndToEnd
class BrowserSignInIT {

    private final Stack stack;

    BrowserSignInIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void aPersonSignsInThroughTheGatewayAndReachesTheSignedInPage() {
        String gateway = stack.gatewayA();
        assertThat(gateway).startsWith("http://localhost:");
        try (Browser browser = Browser.open("sign-in-through-the-gateway")) {
            browser.visit(gateway + "/");
            browser.screenshot("portal-start");
            browser.click(By.id("sign-in"));

            new SignInPages(browser, stack.authServer(), stack.localIdp()).signInAtTheStandIn("grace@e2e.test");

            browser.waitForUrl("the gateway's start page", url -> url.equals(gateway + "/"));
            browser.waitForText("Signed in as");
            browser.screenshot("signed-in");
            assertThat(browser.find(By.id("signed-in")).getText()).contains("grace@e2e.test");

            browser.visit(gateway + "/portal/account");
            browser.waitForText("Linked sign-ins");
            assertThat(browser.find(By.id("profile-email")).getText()).isEqualTo("grace@e2e.test");
            browser.screenshot("portal-account");
        }
    }
}
