package org.ssoplatform.e2e.browser;

import org.openqa.selenium.By;

/**
 * The sign-in a person goes through in a browser, page by page: auth-server's sign-in page (choose
 * the local stand-in), then the stand-in's form. Each step takes a screenshot.
 */
public final class SignInPages {

    private final Browser browser;

    private final String authServer;

    private final String localIdp;

    public SignInPages(Browser browser, String authServer, String localIdp) {
        this.browser = browser;
        this.authServer = authServer;
        this.localIdp = localIdp;
    }

    /**
     * From auth-server's sign-in page on: picks the local stand-in and signs in as {@code email}, typing
     * only the e-mail (the stand-in's form puts it into the claims it suggests). Returns once the
     * browser has left the stand-in.
     */
    public void signInAtTheStandIn(String email) {
        submitAtTheStandIn(email);
        browser.waitForUrl("a page past the stand-in", url -> !url.startsWith(localIdp));
    }

    /**
     * As {@link #signInAtTheStandIn}, but returns as soon as the form is sent: for a sign-in in a popup
     * window, which closes itself once it is back.
     */
    public void submitAtTheStandIn(String email) {
        browser.waitForUrl("auth-server's sign-in page", url -> url.startsWith(authServer + "/login"));
        browser.screenshot("auth-server-sign-in");
        browser.click(By.cssSelector("a[href$='/oauth2/authorization/local']"));

        browser.waitForUrl("the local stand-in's sign-in form", url -> url.startsWith(localIdp + "/local/authorize"));
        browser.type(By.id("username"), email);
        String claims = browser.find(By.id("claims")).getDomProperty("value");
        if (claims == null || !claims.contains("\"" + email + "\"") || !claims.contains("\"email_verified\": true")) {
            throw new AssertionError("The stand-in's form does not suggest the claims for " + email + ": " + claims);
        }
        browser.screenshot("stand-in-form");
        browser.click(By.id("sign-in"));
    }
}
