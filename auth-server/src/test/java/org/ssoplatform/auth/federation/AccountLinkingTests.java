package org.ssoplatform.auth.federation;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.user.UserRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Linking a provider account to a signed-in user, and every way somebody else could try to drive it:
 * through the JSON login, through another sign-in in the same browser, with another provider, late,
 * or by replaying a callback.
 */
class AccountLinkingTests extends AuthServerFlow {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    UserRepository users;

    @Autowired
    OAuthAccountRepository accounts;

    /** Lifetimes of the second instance {@link #shortLived()}: short enough to outlive in a test. */
    static final Duration SHORT_LINK_LIFETIME = Duration.ofSeconds(1);

    static final Duration SHORT_SIGN_IN_AGE = Duration.ofSeconds(3);

    private static ConfigurableApplicationContext shortLived;

    @Autowired
    ConfigurableEnvironment environment;

    @AfterAll
    static void stopShortLived() {
        if (shortLived != null) {
            shortLived.close();
        }
    }

    /** Another auth-server on the same database and Redis, whose links and sign-ins age in seconds. */
    private String shortLived() {
        if (shortLived == null) {
            shortLived = SecondInstance.start(environment,
                    "platform.auth.link-intent-ttl=" + SHORT_LINK_LIFETIME.toMillis() + "ms",
                    "platform.auth.link-max-sign-in-age=" + SHORT_SIGN_IN_AGE.toMillis() + "ms");
        }
        return SecondInstance.base(shortLived);
    }

    /**
     * The reported attack: the victim's browser starts linking GitHub (a pop-up stopped before GitHub
     * answers), then opens a JSON-login callback the attacker obtained with his own GitHub account.
     */
    @Test
    void aJsonLoginCallbackOpenedInTheVictimsBrowserLinksNothingToTheVictim() {
        Browser victim = signedInWithGoogle(BASE, "g-victim-json", "victim.json@linking.test");
        long victimId = userId("victim.json@linking.test");
        startLinking(victim, BASE, "github");
        ProviderStandIns.nextGitHubUser(3001, "attacker3001", "attacker3001@linking.test",
                verified("attacker3001@linking.test"));
        String attackersCallback = jsonLoginCallback("github");

        victim.open(attackersCallback);

        assertThat(providersOf(victimId)).containsExactly("google");
        assertThat(ownerOf("github", "3001")).isNotEqualTo(victimId);
        ProviderStandIns.nextGitHubUser(3001, "attacker3001", "attacker3001@linking.test",
                verified("attacker3001@linking.test"));
        JsonNode attackersNextSignIn = jsonLogin("github");
        assertThat(attackersNextSignIn.path("user").path("id").asLong()).isNotEqualTo(victimId);
        assertThat(attackersNextSignIn.path("user").path("email").asString()).isEqualTo("attacker3001@linking.test");
    }

    @Test
    void aStartedLinkIsNotUsedByTheNextPlainSignInInTheSameBrowser() {
        Browser victim = signedInWithGoogle(BASE, "g-victim-plain", "victim.plain@linking.test");
        long victimId = userId("victim.plain@linking.test");
        startLinking(victim, BASE, "github");
        ProviderStandIns.nextGitHubUser(3002, "attacker3002", "attacker3002@linking.test",
                verified("attacker3002@linking.test"));

        victim.open(BASE + "/oauth2/authorization/github");

        assertThat(providersOf(victimId)).containsExactly("google");
        assertThat(ownerOf("github", "3002")).isNotEqualTo(victimId);
    }

    @Test
    void aLinkStartedForGitHubIsNotUsedByAGoogleSignIn() {
        Browser victim = signedInWithGoogle(BASE, "g-victim-other", "victim.other@linking.test");
        long victimId = userId("victim.other@linking.test");
        startLinking(victim, BASE, "github");
        ProviderStandIns.nextGoogleUser("g-attacker-other", "attacker.other@linking.test", true, "Attacker");

        victim.open(BASE + "/oauth2/authorization/google");

        assertThat(providersOf(victimId)).containsExactly("google");
        assertThat(ownerOf("google", "g-attacker-other")).isNotEqualTo(victimId);
        assertThat(accounts.findByUserId(victimId)).extracting(OAuthAccount::providerUserId)
            .containsExactly("g-victim-other");
    }

    @Test
    void aLinkCompletedAfterItsLifetimeLinksNothing() throws Exception {
        String base = shortLived();
        Browser user = signedInWithGoogle(base, "g-late", "late@linking.test");
        long userId = userId("late@linking.test");
        String atGitHub = startLinking(user, base, "github");
        ProviderStandIns.nextGitHubUser(3003, "late3003", "other.late@linking.test", "[]");
        Thread.sleep(SHORT_LINK_LIFETIME.plusMillis(500).toMillis());

        HttpResponse<String> page = user.open(atGitHub);

        assertThat(providersOf(userId)).containsExactly("google");
        assertThat(accounts.findByProviderAndProviderUserId("github", "3003")).isEmpty();
        assertThat(page.body()).contains("expired");
    }

    @Test
    void linkingIsAPostWithTheAccountPagesCsrfToken() {
        Browser user = signedInWithGoogle(BASE, "g-csrf", "csrf@linking.test");
        long userId = userId("csrf@linking.test");
        String gitHub = providerBase("github");

        HttpResponse<String> popUp = user.open(BASE + "/account/link/github", gitHub);
        HttpResponse<String> crossSiteForm = user.submit(BASE + "/account/link/github", Map.of(), gitHub);
        HttpResponse<String> forgedToken = user.submit(BASE + "/account/link/github", Map.of("_csrf", "forged"), gitHub);

        assertThat(popUp.statusCode()).isEqualTo(405);
        assertThat(crossSiteForm.statusCode()).isEqualTo(403);
        assertThat(forgedToken.statusCode()).isEqualTo(403);
        for (HttpResponse<String> response : List.of(popUp, crossSiteForm, forgedToken)) {
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotStartWith(gitHub);
        }
        assertThat(providersOf(userId)).containsExactly("google");
    }

    @Test
    void aSignInOlderThanAllowedIsRenewedBeforeLinking() throws Exception {
        String base = shortLived();
        Browser user = signedInWithGoogle(base, "g-stale", "stale@linking.test");
        String csrf = csrfToken(user.open(base + "/account/link"), "github");
        Thread.sleep(SHORT_SIGN_IN_AGE.plusMillis(500).toMillis());

        HttpResponse<String> refused = user.submit(base + "/account/link/github", Map.of("_csrf", csrf),
                providerBase("github"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("sign in again", "/oauth2/authorization/google?prompt=login");
        String atGoogle = user.open(base + "/oauth2/authorization/google?prompt=login", providerBase("google"))
            .headers().firstValue("Location").orElseThrow();
        assertThat(atGoogle).contains("prompt=login");
        // Asked with prompt=login, the provider has the person sign in again on its own form.
        assertThat(user.open(atGoogle).body()).contains("<form");
        HttpResponse<String> backAtTheAccountPage = user.submit(atGoogle, Map.of("username", "g-stale", "claims",
                "{\"email\":\"stale@linking.test\",\"email_verified\":true}"), null);
        assertThat(backAtTheAccountPage.body()).contains("Link another sign-in", "stale@linking.test");
        assertThat(startLinking(user, base, "github")).startsWith(providerBase("github"));
    }

    @Test
    void anAttackersBrowserCallbackOpenedInTheVictimsBrowserLinksNothing() {
        Browser victim = signedInWithGoogle(BASE, "g-victim-browser", "victim.browser@linking.test");
        long victimId = userId("victim.browser@linking.test");
        String victimsLink = startLinking(victim, BASE, "github");
        ProviderStandIns.nextGitHubUser(3008, "attacker3008", "attacker3008@linking.test",
                verified("attacker3008@linking.test"));
        String attackersCallback = new Browser().open(BASE + "/oauth2/authorization/github",
                BASE + "/login/oauth2/code/github").headers().firstValue("Location").orElseThrow();

        victim.open(attackersCallback);

        assertThat(providersOf(victimId)).containsExactly("google");
        assertThat(accounts.findByProviderAndProviderUserId("github", "3008")).isEmpty();
        // The victim's own link, the one the session holds, still completes.
        ProviderStandIns.nextGitHubUser(3009, "victim3009", "victim.browser@linking.test", "[]");
        victim.open(victimsLink);
        assertThat(ownerOf("github", "3009")).isEqualTo(victimId);
    }

    @Test
    void aReplayedLinkCallbackChangesNothing() {
        Browser user = signedInWithGoogle(BASE, "g-replay-link", "replay.link@linking.test");
        long userId = userId("replay.link@linking.test");
        String atGitHub = startLinking(user, BASE, "github");
        ProviderStandIns.nextGitHubUser(3004, "replay3004", "other.replay@linking.test", "[]");
        String callback = user.open(atGitHub, BASE + "/login/oauth2/code/github").headers().firstValue("Location")
            .orElseThrow();
        assertThat(user.open(callback).body()).contains("\"linked_providers\":[\"github\",\"google\"]");

        Browser attacker = new Browser();
        HttpResponse<String> attackersReplay = attacker.open(callback);
        HttpResponse<String> usersReplay = user.open(callback);

        assertThat(attackersReplay.body()).doesNotContain("replay.link@linking.test");
        assertThat(attacker.open(BASE + "/account").body()).doesNotContain("replay.link@linking.test");
        assertThat(usersReplay.body()).doesNotContain("\"email\"");
        assertThat(accounts.findByUserId(userId)).extracting(OAuthAccount::providerUserId)
            .containsExactlyInAnyOrder("g-replay-link", "3004");
    }

    @Test
    void aSignedInUserLinksGitHubAndThenBothProvidersSignInToTheSameUser() {
        Browser user = signedInWithGoogle(BASE, "g-both", "both@linking.test");
        long userId = userId("both@linking.test");
        String atGitHub = startLinking(user, BASE, "github");
        // A different address GitHub did not verify: only the explicit request can link this account.
        ProviderStandIns.nextGitHubUser(3005, "both3005", "someone.else@linking.test", "[]");

        HttpResponse<String> landing = user.open(atGitHub);

        assertThat(landing.body()).contains("\"email\":\"both@linking.test\"",
                "\"linked_providers\":[\"github\",\"google\"]");
        ProviderStandIns.nextGitHubUser(3005, "both3005", "someone.else@linking.test", "[]");
        assertThat(new Browser().open(BASE + "/oauth2/authorization/github").body())
            .contains("\"email\":\"both@linking.test\"");
        ProviderStandIns.nextGoogleUser("g-both", "both@linking.test", true, "Both");
        assertThat(new Browser().open(BASE + "/oauth2/authorization/google").body())
            .contains("\"email\":\"both@linking.test\"");
        assertThat(ownerOf("github", "3005")).isEqualTo(userId);
    }

    @Test
    void aGitHubUserLinksGoogleThroughTheSignInCallbackWithEveryParameterOfTheRequest() {
        ProviderStandIns.nextGitHubUser(3010, "oidc3010", "oidc.link@linking.test", verified("oidc.link@linking.test"));
        Browser user = new Browser();
        assertThat(user.open(BASE + "/oauth2/authorization/github").body()).contains("\"email\":\"oidc.link@linking.test\"");
        long userId = userId("oidc.link@linking.test");

        String atGoogle = startLinking(user, BASE, "google");
        String again = user.open(BASE + "/oauth2/authorization/google?prompt=login", providerBase("google"))
            .headers().firstValue("Location").orElseThrow();

        for (String request : List.of(atGoogle, again)) {
            Map<String, String> parameters = queryParameters(request);
            assertThat(request).startsWith(providerBase("google"));
            assertThat(parameters).as(request)
                .containsEntry("redirect_uri", BASE + "/login/oauth2/code/google")
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "platform-google")
                .containsEntry("scope", "openid profile email")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "nonce", "code_challenge");
        }
        assertThat(queryParameters(again)).containsEntry("prompt", "login");
        // The sign-in started again replaced the link's request, so the link is started afresh.
        atGoogle = startLinking(user, BASE, "google");
        ProviderStandIns.nextGoogleUser("g-oidc-link", "someone.else@linking.test", true, "Other");
        HttpResponse<String> landing = user.open(atGoogle);
        assertThat(landing.body()).as(landing.uri() + " " + landing.statusCode())
            .contains("\"email\":\"oidc.link@linking.test\"", "\"linked_providers\":[\"github\",\"google\"]");
        assertThat(ownerOf("google", "g-oidc-link")).isEqualTo(userId);
    }

    private static Map<String, String> queryParameters(String uri) {
        return UriComponentsBuilder.fromUriString(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey,
                    entry -> URLDecoder.decode(entry.getValue(), StandardCharsets.UTF_8)));
    }

    @Test
    void theJsonLoginNeitherReadsNorWritesABrowserSession() {
        Browser victim = signedInWithGoogle(BASE, "g-victim-session", "victim.session@linking.test");
        long victimId = userId("victim.session@linking.test");
        String atGitHub = startLinking(victim, BASE, "github");
        ProviderStandIns.nextGitHubUser(3006, "attacker3006", "attacker3006@linking.test",
                verified("attacker3006@linking.test"));
        HttpResponse<String> started = plainGet(BASE + "/api/v1/auth/github/login");
        String attackersCallback = providerRedirect(JSON.readTree(started.body()).path("authorization_url").asString(),
                "github");

        HttpResponse<String> finished = victim.open(attackersCallback);

        assertThat(started.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(finished.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(ownerOf("github", "3006")).isNotEqualTo(victimId);
        // The victim's own link, started before, still completes: the JSON login left it alone.
        ProviderStandIns.nextGitHubUser(3007, "victim3007", "victim.session@linking.test",
                verified("victim.session@linking.test"));
        victim.open(atGitHub);
        assertThat(ownerOf("github", "3007")).isEqualTo(victimId);
    }

    /** A browser signed in at {@code base} as this Google user. */
    static Browser signedInWithGoogle(String base, String subject, String email) {
        ProviderStandIns.nextGoogleUser(subject, email, true, "Person " + subject);
        Browser browser = new Browser();
        HttpResponse<String> landing = browser.open(base + "/oauth2/authorization/google");
        assertThat(landing.body()).as("signed in").contains("\"email\":\"" + email + "\"");
        return browser;
    }

    /**
     * Starts linking {@code provider} in this browser the way the account page offers it (its form, with
     * the page's CSRF token), and stops before the provider answers: the provider's authorization URL.
     */
    static String startLinking(Browser browser, String base, String provider) {
        HttpResponse<String> toProvider = browser.submit(base + "/account/link/" + provider,
                Map.of("_csrf", csrfToken(browser.open(base + "/account/link"), provider)), providerBase(provider));
        return toProvider.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("Linking did not go to " + provider + ": " + toProvider.statusCode()));
    }

    /** The CSRF token in the account page's form for linking {@code provider}. */
    static String csrfToken(HttpResponse<String> accountLinkPage, String provider) {
        Matcher form = Pattern.compile("action=\"[^\"]*/account/link/" + provider
                + "\"(?:(?!</form>).)*name=\"_csrf\" value=\"([^\"]+)\"", Pattern.DOTALL).matcher(accountLinkPage.body());
        if (!form.find()) {
            throw new AssertionError("No form to link " + provider + " on: " + accountLinkPage.body());
        }
        return form.group(1);
    }

    /** A JSON login the attacker started himself, stopped before the callback: the callback URL. */
    static String jsonLoginCallback(String provider) {
        HttpResponse<String> started = plainGet(BASE + "/api/v1/auth/" + provider + "/login");
        return providerRedirect(JSON.readTree(started.body()).path("authorization_url").asString(), provider);
    }

    /** A whole JSON login, as an API client does it: its answer. */
    static JsonNode jsonLogin(String provider) {
        HttpResponse<String> finished = plainGet(jsonLoginCallback(provider));
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        return JSON.readTree(finished.body());
    }

    private static String providerRedirect(String authorizationUrl, String provider) {
        return new Browser().open(authorizationUrl, BASE + "/api/v1/auth/" + provider + "/callback")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    }

    private static HttpResponse<String> plainGet(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception ex) {
            throw new IllegalStateException("GET " + url + " failed", ex);
        }
    }

    static String providerBase(String provider) {
        return "github".equals(provider) ? ProviderStandIns.GITHUB.baseUrl()
                : ProviderStandIns.GOOGLE.issuerUrl("google").toString();
    }

    static String verified(String email) {
        return "[{\"email\":\"" + email + "\",\"primary\":true,\"verified\":true}]";
    }

    private long userId(String email) {
        return users.findByEmailIgnoreCase(email).orElseThrow().id();
    }

    private List<String> providersOf(long userId) {
        return accounts.findByUserId(userId).stream().map(OAuthAccount::provider).sorted().toList();
    }

    /** The user the provider account is linked to, or -1 for none. */
    private long ownerOf(String provider, String subject) {
        return accounts.findByProviderAndProviderUserId(provider, subject)
            .map(account -> account.userId().getId())
            .orElse(-1L);
    }
}
