package org.ssoplatform.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Browser;
import org.ssoplatform.e2e.client.Browser.Page;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.Tokens;
import org.ssoplatform.e2e.stack.AccessLog;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.HeaderTap.BackendRequest;
import org.ssoplatform.e2e.stack.Stack;
import org.ssoplatform.e2e.stack.StandInIdp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as a person uses it, in a browser: one cookie jar for every app on {@code localhost}
 * (browsers keep cookies apart by host, not by port), the whole redirect chain gateway → auth-server's
 * sign-in page → the identity provider → auth-server → gateway, then the portal's front end calling the
 * APIs through the gateway's relay with its session cookie and CSRF token, and signing out.
 */
@EndToEnd
class PortalInBrowserIT {

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
        assertThat(browser.fetch("GET", stack.gatewayA() + "/portal/me", null).json())
            .containsEntry("email", person.email()).containsEntry("name", person.name());
        List<URI> chain = landed.chain();
        assertThat(List.of(indexOf(chain, stack.authServer() + "/oauth2/authorize?"),
                indexOf(chain, stack.authServer() + "/login"), indexOf(chain, stack.idp().issuer() + "/authorize?"),
                indexOf(chain, stack.authServer() + "/login/oauth2/code/" + StandInIdp.PROVIDER + "?"),
                indexOf(chain, stack.gatewayA() + Stack.PORTAL_CALLBACK_PATH + "?"),
                chain.size() - 1))
            .as("where the browser went, in order: %s", chain)
            .isSorted()
            .doesNotHaveDuplicates();
    }

    @Test
    void signingInAgainInTheSameBrowserGoesStraightThroughAuthServersSession() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("returning");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);

        // The gateway's sign-in wrote its cookie after auth-server's: auth-server's must still be in the jar.
        Page again = browser.navigate(stack.gatewayA() + "/oauth2/authorization/portal");

        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.uri()).isEqualTo(URI.create(stack.gatewayA() + "/"));
        assertThat(again.body()).contains("Signed in as").contains(person.email());
        assertThat(again.chain()).as("auth-server's sign-in page")
            .noneMatch(hop -> hop.toString().equals(stack.authServer() + "/login"));
        assertThat(again.passedThrough(stack.idp().issuer())).as("the identity provider").isEmpty();
    }

    @Test
    void theRedirectUriTheGatewaySendsIsOneAuthServerRegisteredForThePortal() {
        Browser browser = new Browser();
        Page signInPage = browser.navigate(stack.gatewayA() + "/oauth2/authorization/portal");
        URI authorize = signInPage.passedThrough(stack.authServer() + "/oauth2/authorize").orElseThrow(
                () -> new AssertionError("The gateway did not send the browser to auth-server: " + signInPage));

        String redirectUri = queryParameter(authorize, "redirect_uri");

        assertThat(redirectUri).isEqualTo(stack.gatewayA() + Stack.PORTAL_CALLBACK_PATH);
        assertThat(stack.database().registeredRedirectUris("portal")).contains(redirectUri);
    }

    @Test
    void thePortalsWritesGoThroughTheRelayWithTheCsrfTokenEchoedAndAreRefusedWithoutIt() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("writer");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);
        long userId = ((Number) Expect.ok(browser.fetch("GET", stack.gatewayA() + "/portal/api/v1/users/me", null))
            .get("id")).longValue();
        String keys = stack.gatewayA() + "/portal/api/v1/api-keys/";

        Reply forged = browser.fetch("POST", keys, "{\"name\":\"forged\"}", false);
        Reply created = browser.fetch("POST", keys, "{\"name\":\"from-the-portal\"}");

        assertThat(forged.status()).as("%s", forged).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(((Number) created.json().get("user_id")).longValue()).isEqualTo(userId);
        Reply listed = browser.fetch("GET", keys, null);
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.body()).contains("from-the-portal").doesNotContain("forged");
    }

    @Test
    void theRelayCarriesTheSessionsTokenAndNeverTheBrowsersCookies() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("relayed");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);

        BackendRequest received = relayed(browser);

        assertThat(received.has("Cookie")).as("a cookie reached the backend").isFalse();
        String token = received.header("Authorization").orElseThrow().replaceFirst("^Bearer ", "");
        assertThat(Tokens.claims(token)).containsEntry("email", person.email()).containsEntry("auth_type", "JWT");
        assertThat(Duration.between(Tokens.issuedAt(token), Tokens.expiry(token)))
            .isEqualTo(Stack.PORTAL_ACCESS_TOKEN_TTL);
    }

    @Test
    void anAccessTokenThatHasExpiredIsRefreshedForTheNextCall() {
        Browser browser = new Browser();
        Person person = fixtures.newPerson("refreshed");
        assertThat(SignIn.toPortal(browser, stack.gatewayA(), stack.idp(), person).status()).isEqualTo(200);
        String first = bearer(relayed(browser));
        Instant expired = Tokens.expiry(first).plusSeconds(1); // exp is in whole seconds
        Poll.sleep(Duration.between(Instant.now(), expired));
        AccessLog authServer = stack.authServerAccessLog();
        long tokenRequestsBefore = authServer.tokenRequests();

        Instant sent = Instant.now();
        String second = bearer(relayed(browser));

        assertThat(Tokens.expiry(first)).as("the first token had expired").isBefore(sent);
        assertThat(second).isNotEqualTo(first);
        assertThat(Tokens.expiry(second)).as("the relayed token is current").isAfter(sent);
        assertThat(Tokens.claims(second)).containsEntry("sub", Tokens.claims(first).get("sub"));
        assertThat(authServer.tokenRequests()).as("refresh requests at auth-server").isGreaterThan(tokenRequestsBefore);
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
        Expect.ok(Browser.replay(stack.gatewayA() + "/portal/me", cookies)); // the copy works while signed in

        Reply forged = browser.fetch("POST", stack.gatewayA() + "/logout", null, false);
        assertThat(forged.status()).as("sign-out without the CSRF token: %s", forged).isEqualTo(403);
        Expect.ok(browser.fetch("GET", stack.gatewayA() + "/portal/me", null));
        Page signedOut = browser.submit(stack.gatewayA() + "/logout");

        assertThat(signedOut.uri()).as("back at the start page: %s", signedOut).isEqualTo(URI.create(stack.gatewayA() + "/"));
        assertThat(signedOut.passedThrough(stack.authServer() + "/connect/logout")).as("auth-server's sign-out").isPresent();
        Expect.unauthorized(browser.fetch("GET", stack.gatewayA() + "/portal/me", null));
        Expect.unauthorized(browser.fetch("GET", stack.gatewayA() + "/portal/api/v1/users/me", null));
        Expect.unauthorized(Browser.replay(stack.gatewayA() + "/portal/me", cookies));
    }

    /** The portal calls an example route; the tap shows what resource-service received from the relay. */
    private BackendRequest relayed(Browser browser) {
        String marker = "portal-" + UUID.randomUUID();
        Reply reply = browser.fetch("GET", stack.gatewayA() + "/portal/api/examples/jwt-only?marker=" + marker, null);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return stack.backendTap().requests().stream()
            .filter(request -> request.requestLine().contains(marker))
            .findFirst()
            .orElseThrow(() -> new AssertionError("resource-service received no " + marker));
    }

    private static String bearer(BackendRequest request) {
        return request.header("Authorization").orElseThrow().replaceFirst("^Bearer ", "");
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
