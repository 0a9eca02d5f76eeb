package org.ssoplatform.auth.federation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.SavedPages;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-server's sign-in page as a person sees it: a button per provider with its name and mark, in the
 * platform's stylesheet, a message that says what went wrong and what to do, no script and no inline style.
 */
class SignInPagesTests extends AuthServerFlow {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    UserRepository users;

    @Test
    void theSignInPageHasAButtonWithNameAndMarkForEachProvider() {
        HttpResponse<String> page = get("/login", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(button(page.body(), "google")).contains("href=\"/oauth2/authorization/google\"",
                "src=\"/ui/marks/google.svg\"", "Continue with Google");
        assertThat(button(page.body(), "github")).contains("href=\"/oauth2/authorization/github\"",
                "src=\"/ui/marks/github.svg\"", "Continue with GitHub");
        // Registered by issuer-uri: its client name is the issuer's address, which is no name for a button.
        assertThat(button(page.body(), "okta")).contains("href=\"/oauth2/authorization/okta\"",
                "src=\"/ui/marks/oidc.svg\"", "Continue with Okta");
        assertThat(page.body()).doesNotContain("Continue with http").contains("href=\"/ui/platform.css\"");
        assertThat(page.body()).doesNotContain("id=\"sign-in-error\"");
        SavedPages.save("sign-in", page.body());
    }

    @Test
    void thePagesRunNoScriptAndNoInlineStyleAndCannotBeFramed() {
        HttpResponse<String> page = get("/login", "text/html");

        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "style-src 'self'", "img-src 'self'", "frame-ancestors 'none'",
                "form-action 'self'", "base-uri 'none'").doesNotContain("unsafe", "script-src");
        assertThat(page.body()).doesNotContain("<script", "<style", "style=\"").doesNotContainPattern("\\son[a-z]+=");
        assertThat(page.body()).contains("lang=\"en\"", "name=\"viewport\"", "<h1>Sign in</h1>");
    }

    @Test
    void theStylesheetAndMarksAreServedToAnyoneFromTheApp() {
        HttpResponse<String> css = get("/ui/platform.css", "text/css,*/*;q=0.1");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains(".provider-btn");
        for (String mark : SignInOptions.MARKS) {
            HttpResponse<String> svg = get("/ui/marks/" + mark + ".svg", "image/avif,image/webp,*/*");
            assertThat(svg.statusCode()).as(mark).isEqualTo(200);
            assertThat(svg.body()).as(mark).startsWith("<svg");
        }
    }

    @Test
    void aDeactivatedAccountIsToldSoAndWhatToDo() {
        ProviderStandIns.nextGoogleUser("g-pages-off", "pages.off@federation.test", true, "Off");
        new Browser().open(BASE + "/oauth2/authorization/google");
        User user = users.findByEmailIgnoreCase("pages.off@federation.test").orElseThrow();
        users.save(user.withActive(false));
        ProviderStandIns.nextGoogleUser("g-pages-off", "pages.off@federation.test", true, "Off");
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.open(BASE + "/oauth2/authorization/google", BASE + "/login?");

        assertThat(refused.headers().firstValue("Location").orElse(""))
            .endsWith("/login?error=account_disabled&provider=google");
        String page = browser.open(BASE + "/login?error=account_disabled&provider=google").body();
        assertThat(error(page)).contains("data-error=\"account_disabled\"", "role=\"alert\"", "Account deactivated",
                "This account is deactivated; ask an administrator");
    }

    @Test
    void aProviderThatCannotBeReachedIsNamedAndAnotherSignInOffered() {
        ProviderStandIns.nextGitHubUser(4040, "unreachable", "unreachable@federation.test", "[]");
        ProviderStandIns.GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try {
            HttpResponse<String> page = new Browser().open(BASE + "/oauth2/authorization/github");

            assertThat(error(page.body())).contains("data-error=\"provider_unreachable\"", "Provider unreachable",
                    "We could not reach GitHub", "continue with another sign-in");
            assertThat(button(page.body(), "google")).contains("Continue with Google");
            SavedPages.save("sign-in-provider-unreachable", page.body());
        }
        finally {
            ProviderStandIns.GITHUB.resetAll();
        }
    }

    @Test
    void aCallbackWhoseSessionIsGoneSaysTheSessionExpired() {
        HttpResponse<String> page = new Browser().open(BASE + "/login/oauth2/code/google?code=stale&state=stale");

        assertThat(error(page.body())).contains("data-error=\"session_expired\"", "Session expired", "start again");
    }

    @Test
    void anUnverifiedEmailAndARefusedLinkEachHaveTheirOwnMessage() {
        assertThat(error(get("/login?error=email_not_verified&provider=github", "text/html").body()))
            .contains("E-mail not verified", "GitHub has not verified the address");
        assertThat(error(get("/login?error=link_refused", "text/html").body())).contains("Link refused",
                "not linked to your account");
    }

    @Test
    void aCraftedErrorShowsOnlyTheGenericMessageAndNothingItCarries() {
        HttpResponse<String> page = get("/login?error=%3Cscript%3Ealert(1)%3C/script%3E&provider=%3Cb%3Eevil", "text/html");

        assertThat(error(page.body())).contains("data-error=\"failed\"", "Sign-in failed",
                "The sign-in did not complete; please try again.");
        assertThat(page.body()).doesNotContain("<script", "alert(1)", "evil");
    }

    @Test
    void browsersAskingForTheAccountGoToThePortalAndJsonClientsKeepTheJsonAnswer() {
        ProviderStandIns.nextGoogleUser("g-pages-portal", "pages.portal@federation.test", true, "Portal Person");
        Browser browser = new Browser();
        browser.open(BASE + "/oauth2/authorization/google", Browser.PORTAL);

        HttpResponse<String> page = browser.open(BASE + "/account", Browser.PORTAL);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).hasValue(Browser.PORTAL);

        HttpResponse<String> json = browser.open(BASE + "/account");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains("\"email\":\"pages.portal@federation.test\"");
    }

    @Test
    void theLinkPageUsesTheSameButtonsAndItsFormsMayLeadOnlyToTheProviders() {
        Browser browser = AccountLinkingTests.signedInWithGoogle(BASE, "g-pages-link", "pages.link@federation.test");

        HttpResponse<String> page = browser.open(BASE + "/account/link");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"link-github\"", "src=\"/ui/marks/github.svg\"", "Link GitHub",
                "pages.link@federation.test", "Linked: <span id=\"linked\">Google</span>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("form-action 'self' ", ProviderStandIns.GITHUB.baseUrl())
            .doesNotContain("unsafe", "script-src");
        assertThat(page.body()).doesNotContain("<script", "style=\"");
        SavedPages.save("link", page.body());
    }

    /** The provider's button: the whole {@code <a>} element. */
    private static String button(String page, String provider) {
        Matcher button = Pattern.compile("<a [^>]*data-provider=\"" + provider + "\".*?</a>", Pattern.DOTALL)
            .matcher(page);
        assertThat(button.find()).as("a button for " + provider + " on " + page).isTrue();
        assertThat(button.group()).contains("class=\"btn provider-btn\"", "id=\"sign-in-" + provider + "\"", "alt=\"\"");
        return button.group();
    }

    /** The page's error message: the whole alert. */
    private static String error(String page) {
        Matcher error = Pattern.compile("<div id=\"sign-in-error\".*?</div>", Pattern.DOTALL).matcher(page);
        assertThat(error.find()).as("an error message on " + page).isTrue();
        return error.group();
    }

    private static HttpResponse<String> get(String path, String accept) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
