package org.ssoplatform.e2e;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.ssoplatform.e2e.browser.Browser;
import org.ssoplatform.e2e.browser.SignInPages;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management API's documentation as a newcomer uses it: read through the gateway, and tried there
 * in Swagger UI after signing in with its Authorize button (code + PKCE, popup through auth-server and
 * the local stand-in), every call going to the gateway.
 */
@EndToEnd
class ApiDocsThroughTheGatewayIT {

    private final Stack stack;

    private final String gateway;

    ApiDocsThroughTheGatewayIT(Stack stack) {
        this.stack = stack;
        this.gateway = stack.gatewayA();
    }

    @Test
    void theDocumentIsReadThroughTheGatewayAndNamesItAsTheServer() {
        Reply docs = Http.get(gateway + "/docs").send();
        assertThat(docs.status()).isEqualTo(302);
        assertThat(docs.header("Location").orElseThrow()).isEqualTo("/swagger-ui/index.html");

        Map<String, Object> document = Expect.ok(Http.get(gateway + "/v3/api-docs").send());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> servers = (List<Map<String, Object>>) document.get("servers");
        assertThat(servers).extracting(server -> server.get("url")).containsExactly(gateway);
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        assertThat(paths).containsKey("/api/v1/users/").doesNotContainKey("/api/v1/users");
    }

    @Test
    void aPersonSignsInWithAuthorizeInSwaggerUiAndCallsTheApiThroughTheGateway() {
        try (Browser browser = Browser.open("swagger-ui-authorize")) {
            browser.visit(gateway + "/docs");
            browser.waitForUrl("Swagger UI on the gateway", url -> url.equals(gateway + "/swagger-ui/index.html"));
            browser.waitForText("SSO platform management API");
            browser.screenshot("swagger-ui");

            browser.click(By.cssSelector("button.authorize"));
            WebElement oauth = browser.waiting().until(page -> page.findElements(By.cssSelector(".auth-container"))
                .stream()
                .filter(container -> container.getText().contains("authorizationCode"))
                .findFirst()
                .orElse(null));
            assertThat(oauth.getText()).contains("swagger").contains("PKCE");
            browser.screenshot("authorize-dialog");
            String docs = browser.followPopup(() -> oauth.findElement(By.cssSelector("button.authorize")).click());

            new SignInPages(browser, stack.authServer(), stack.localIdp()).submitAtTheStandIn("hopper@e2e.test");
            browser.returnTo(docs);
            browser.waitForText("Logout");
            browser.screenshot("authorized");
            browser.click(By.cssSelector("button.btn-done"));

            browser.click(By.cssSelector("#operations-Users-me .opblock-summary"));
            browser.click(By.cssSelector("#operations-Users-me button.try-out__btn"));
            browser.click(By.cssSelector("#operations-Users-me button.execute"));
            WebElement answer = browser.find(By.cssSelector("#operations-Users-me .live-responses-table tr.response"));
            browser.script("arguments[0].scrollIntoView({block: 'center'})", answer);
            browser.screenshot("users-me-answered");
            String curl = browser.find(By.cssSelector("#operations-Users-me .curl-command")).getText();
            assertThat(curl).contains(gateway + "/api/v1/users/me").contains("Authorization: Bearer ey");
            assertThat(answer.findElement(By.cssSelector("td.response-col_status")).getText()).startsWith("200");
            assertThat(answer.findElement(By.cssSelector("td.response-col_description")).getText())
                .contains("hopper@e2e.test");
        }
    }

    @Test
    void reDocRendersTheDocumentThroughTheGateway() {
        try (Browser browser = Browser.open("redoc")) {
            browser.visit(gateway + "/redoc");
            browser.waitForText("SSO platform management API");
            browser.waitForText("Start signing in with an identity provider");
            browser.screenshot("redoc");
        }
    }
}
