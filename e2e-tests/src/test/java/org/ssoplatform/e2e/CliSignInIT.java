package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ssoplatform.e2e.browser.Browser;
import org.ssoplatform.e2e.browser.SignInPages;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.Tokens;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI sign-in (RFC 8628) as a person does it: the CLI, a plain HTTP client, asks auth-server for a code and
 * polls its token endpoint; the person opens the address the CLI shows in a real browser, signs in at the local
 * stand-in, checks the code and allows; the CLI's token then works at the gateway. Screenshots of every page
 * under {@code target/screenshots/cli-sign-in/}.
 */
@EndToEnd
class CliSignInIT {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final Stack stack;

    CliSignInIT(Stack stack) {
        this.stack = stack;
    }

    @Test
    void aPersonApprovesTheCliInABrowserAndTheCliCallsTheApiThroughTheGatewayAsThem() {
        Reply started = Http.post(stack.authServer() + "/oauth2/device_authorization")
            .form(Map.of("client_id", "cli", "scope", "profile email"))
            .send();
        assertThat(started.status()).as("%s", started).isEqualTo(200);
        String deviceCode = (String) started.json().get("device_code");
        String userCode = (String) started.json().get("user_code");
        Duration interval = Duration.ofSeconds(((Number) started.json().get("interval")).longValue());
        assertThat(started.json()).containsEntry("verification_uri", stack.authServer() + "/device");
        assertThat(poll(deviceCode).json()).containsEntry("error", "authorization_pending");

        String email = "cli-person@e2e.test";
        try (Browser browser = Browser.open("cli-sign-in")) {
            browser.visit((String) started.json().get("verification_uri_complete"));
            new SignInPages(browser, stack.authServer(), stack.localIdp()).signInAtTheStandIn(email);
            browser.waitForUrl("the code page, back from signing in", url -> url.startsWith(stack.authServer() + "/device"));
            browser.waitForText("Sign in on a device");
            assertThat(browser.find(By.id("user_code")).getDomProperty("value")).isEqualTo(userCode);
            browser.screenshot("device-code");

            browser.click(By.id("continue"));
            browser.waitForText("wants to sign in as you");
            assertThat(browser.find(By.id("user-code")).getText()).isEqualTo(userCode);
            browser.screenshot("device-consent");

            browser.click(By.id("allow"));
            browser.waitForText("Device signed in");
            browser.screenshot("device-approved");
        }

        // As a CLI polls (RFC 8628 section 3.5): wait the interval before each poll, 5 s longer after a slow_down.
        Reply tokens = null;
        for (int polls = 0; polls < 10; polls++) {
            Poll.sleep(interval);
            tokens = poll(deviceCode);
            Object error = tokens.status() == 400 ? tokens.json().get("error") : null;
            if ("slow_down".equals(error)) {
                interval = interval.plusSeconds(5);
            }
            else if (!"authorization_pending".equals(error)) {
                break;
            }
        }
        assertThat(tokens.status()).as("%s", tokens).isEqualTo(200);
        String accessToken = (String) tokens.json().get("access_token");
        assertThat(Tokens.claims(accessToken)).containsEntry("email", email).containsEntry("auth_type", "JWT");

        Reply me = Http.get(stack.gatewayA() + "/api/v1/users/me").bearer(accessToken).send();
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json()).containsEntry("email", email);
    }

    private Reply poll(String deviceCode) {
        return Http.post(stack.authServer() + "/oauth2/token")
            .form(Map.of("grant_type", DEVICE_GRANT, "client_id", "cli", "device_code", deviceCode))
            .send();
    }
}
