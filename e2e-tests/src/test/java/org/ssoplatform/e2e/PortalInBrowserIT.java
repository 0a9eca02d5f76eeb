package org.ssoplatform.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Browser;
import org.ssoplatform.e2e.client.Browser.Page;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.stack.AccessLog;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;
import org.ssoplatform.e2e.stack.StandInIdp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as a person uses it, in a browser: one cookie jar for every app on {@code localhost}
 * (browsers keep cookies apart by host, not by port), the whole redirect chain gateway → portal →
 * auth-server's sign-in page → the identity provider → auth-server → gateway → portal, then the portal's
 * forms (each with its CSRF token), the portal calling the management API with the session's token on the
 * server side, and signing out.
 */
@EndToEnd
class PortalInBrowserIT {

    private static final String SIGN_IN = "/portal/oauth2/authorization/portal";

    private final Stack stack;

    private final Fixtures fixtures;

    PortalInBrowserIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aPersonSignsInThroughTheGatewayAndAuthServerAndLandsOnThePortalSignedIn() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("portal");

        Page landed = SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person);

        assertThat(landed.status()).as("%s", landed).isEqualTo(200);
        assertThat(landed.uri()).isEqualTo(URI.create(stack.gatewayA() + "/"));
        assertThat(landed.body()).contains("Signed in as").contains(person.email());
        Page account = browser.navigate(stack.gatewayA() + "/portal/account");
        assertThat(account.body()).contains(person.email()).contains(person.name());
        List<URI> chain = landed.chain();
        assertThat(List.of(indexOf(chain, stack.authServer() + "/oauth2/authorize?"),
                indexOf(chain, stack.authServer() + "/login"), indexOf(chain, stack.idp().issuer() + "/authorize?"),
                indexOf(chain, stack.authServer() + "/login/oauth2/code/" + StandInIdp.PROVIDER + "?"),
                indexOf(chain, stack.gatewayA() + Stack.PORTAL_CALLBACK_PATH + "?"),
                chain.size() - 1))
            .as("where the browser went, in order: %s", chain)
            .isSorted()
            .doesNotHaveDuplicates();
        assertThat(chain).as("the browser never left the gateway's origin for the portal's own address")
            .noneMatch(hop -> hop.toString().startsWith(stack.portal()));
    }

    @Test
    void signingInAgainInTheSameBrowserGoesStraightThroughAuthServersSession() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("returning");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);

        // The portal's sign-in wrote its cookie after auth-server's: auth-server's must still be in the jar.
        Page again = browser.navigate(stack.gatewayA() + SIGN_IN);

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.uri()).isEqualTo(URI.create(stack.gatewayA() + "/"));
        assertThat(again.body()).contains("Signed in as").contains(person.email());
        assertThat(again.chain()).as("auth-server's sign-in page")
            .noneMatch(hop -> hop.toString().equals(stack.authServer() + "/login"));
        assertThat(again.passedThrough(stack.idp().issuer())).as("the identity provider").isEmpty();
    }

    @Test
    void theRedirectUriThePortalSendsIsOneAuthServerRegisteredForThePortal() {
        Browser browser = new Browser();
        Page signInPage = browser.navigate(stack.gatewayA() + SIGN_IN);
        URI authorize = signInPage.passedThrough(stack.authServer() + "/oauth2/authorize").orElseThrow(
                () -> new AssertionError("The portal did not send the browser to auth-server: " + signInPage));

        String redirectUri = queryParameter(authorize, "redirect_uri");

        assertThat(redirectUri).isEqualTo(stack.gatewayA() + Stack.PORTAL_CALLBACK_PATH);
        assertThat(stack.database().registeredRedirectUris("portal")).contains(redirectUri);
        assertThat(queryParameter(authorize, "code_challenge_method")).isEqualTo("S256");
    }

    @Test
    void aFormIsRefusedWithoutItsCsrfTokenAndWorksWithIt() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("writer");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);
        String keys = stack.gatewayA() + "/portal/keys";

        Page forged = browser.post(keys, Map.of("name", "forged"));
        Page created = browser.submit(keys, "/portal/keys", Map.of("name", "from-the-portal"));

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(created.status()).as("%s", created).isEqualTo(200);
        assertThat(created.body()).contains("it will not be shown again");
        Page listed = browser.navigate(keys);
        assertThat(listed.body()).contains("from-the-portal").doesNotContain("forged");
    }

    @Test
    void noTokenEverReachesTheBrowser() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("tokenless");
        List<Page> pages = new ArrayList<>();
        pages.add(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person));
        for (String page : List.of("/portal/account", "/portal/keys")) {
            pages.add(browser.navigate(stack.gatewayA() + page));
        }

        for (Page page : pages) {
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.body()).as("%s", page.uri()).doesNotContain("eyJ");
            assertThat(page.headers().map().toString()).as("%s", page.uri()).doesNotContain("eyJ");
        }
        for (String name : browser.cookieNames(stack.gatewayA())) {
            assertThat(browser.cookie(stack.gatewayA(), name).orElseThrow()).as(name).doesNotContain("eyJ");
        }
    }

    @Test
    void anAccessTokenThatHasExpiredIsRefreshedForTheNextPage() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("refreshed");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);
        AccessLog authServer = stack.authServerAccessLog();

        for (int round = 1; round <= 2; round++) {
            Poll.sleep(Stack.PORTAL_ACCESS_TOKEN_TTL.plusSeconds(1));
            long tokenRequestsBefore = authServer.tokenRequests();

            Page account = browser.navigate(stack.gatewayA() + "/portal/account");

            assertThat(account.status()).as("round %d: %s", round, account).isEqualTo(200);
            assertThat(account.body()).as("round %d", round).contains(person.email());
            assertThat(authServer.tokenRequests()).as("round %d: refreshes at auth-server", round)
                .isGreaterThan(tokenRequestsBefore);
        }
        assertThat(stack.portalLog()).doesNotContain("Portal session ended");
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        Browser browser = new Browser();
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), fixtures.newPerson("leaving")).status())
            .isEqualTo(200);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String name : browser.cookieNames(stack.gatewayA())) {
            cookies.put(name, browser.cookie(stack.gatewayA(), name).orElseThrow());
        }
        String account = stack.gatewayA() + "/portal/account";
        assertThat(Browser.replay(account, cookies).status()).as("the copy works while signed in").isEqualTo(200);

        Page forged = browser.post(stack.gatewayA() + "/portal/logout", Map.of());
        assertThat(forged.status()).as("sign-out without the CSRF token: %s", forged).isEqualTo(403);
        assertThat(browser.fetch("GET", account, null).status()).isEqualTo(200);
        Page signedOut = browser.submit(account, "/portal/logout", Map.of());

        assertThat(signedOut.uri()).as("back at the start page: %s", signedOut).isEqualTo(URI.create(stack.gatewayA() + "/"));
        assertThat(signedOut.passedThrough(stack.authServer() + "/connect/logout")).as("auth-server's sign-out").isPresent();
        assertThat(signedOut.body()).contains("id=\"sign-in\"");
        expectSignInAsked(browser.fetch("GET", account, null));
        expectSignInAsked(Browser.replay(account, cookies));
    }

    private static void expectSignInAsked(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(302);
        assertThat(reply.headers().firstValue("Location")).as("%s", reply).hasValue(SIGN_IN);
    }

    /** Where in the chain the browser was at {@code address} (a prefix if it ends with {@code ?}, else exactly). */
    private static int indexOf(List<URI> chain, String address) {
        for (int i = 0; i < chain.size(); i++) {
            String hop = chain.get(i).toString();
            if (address.endsWith("?") ? hop.startsWith(address) : hop.equals(address)) {
                return i;
            }
        }
        throw new AssertionError("The browser never was at " + address + ": " + chain);
    }

    private static String queryParameter(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + uri);
    }
}
