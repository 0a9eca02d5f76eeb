package org.ssoplatform.e2e.client;

import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;

import org.ssoplatform.e2e.stack.StandInIdp;

/**
 * Signing in, two ways. The seed's JSON login, done as a user's API client does it, through a gateway:
 * {@code GET /api/v1/auth/{provider}/login} → the provider's authorization URL (the stand-in
 * answers at once with a redirect carrying code and state) → {@code GET} the callback → a token and
 * the user. And the portal's, done in a {@link Browser}: the portal's {@code /portal/oauth2/authorization/portal} on the gateway
 * → auth-server's sign-in page → the provider's button → back through auth-server to the gateway.
 */
public final class SignIn {

    private SignIn() {
    }

    /** The provider's identity of a person, as the stand-in will assert it. */
    public record Person(String subject, String email, boolean emailVerified, String name) {

        public static Person verified(String subject, String email, String name) {
            return new Person(subject, email, true, name);
        }
    }

    /** Serialised: the stand-in's queue of identities is consumed by whichever code exchange comes next. */
    public static synchronized SignedInUser through(String gateway, StandInIdp idp, Person person) {
        idp.nextUser(person.subject(), person.email(), person.emailVerified(), person.name());
        Reply started = Http.get(gateway + "/api/v1/auth/" + StandInIdp.PROVIDER + "/login").send();
        expect(started, 200);
        String authorizationUrl = (String) started.json().get("authorization_url");

        Reply atProvider = Http.get(authorizationUrl).send();
        expect(atProvider, 302);
        URI callback = URI.create(atProvider.header("Location").orElseThrow());

        // The callback is addressed to auth-server's issuer; the client calls it through its gateway.
        Reply finished = Http.get(gateway + callback.getRawPath() + "?" + callback.getRawQuery()).send();
        expect(finished, 200);
        Map<String, Object> body = finished.json();
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) body.get("user");
        return new SignedInUser(((Number) user.get("id")).longValue(), (String) user.get("email"),
                (String) body.get("access_token"), user);
    }

    /**
     * Signs {@code person} in to the portal in {@code browser}, starting at {@code gateway} and clicking
     * the provider's button on auth-server's sign-in page. Returns the page the browser ends on (the
     * portal's start page when all went well) without judging it.
     */
    public static synchronized Browser.Page toPortal(Browser browser, String gateway, StandInIdp idp, Person person) {
        idp.nextUser(person.subject(), person.email(), person.emailVerified(), person.name());
        Browser.Page signInPage = browser.navigate(gateway + "/portal/oauth2/authorization/portal");
        if (signInPage.status() != 200 || !signInPage.body().contains("Sign in")) {
            throw new AssertionError("Expected auth-server's sign-in page: " + signInPage);
        }
        Browser.Page landed = browser.navigate(signInPage.link("Continue with"));
        return new Browser.Page(landed.uri(), landed.status(), landed.headers(), landed.body(),
                Stream.concat(signInPage.chain().stream(), landed.chain().stream()).toList());
    }

    private static void expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("JSON login step answered " + reply.status() + " instead of " + status + ": " + reply);
        }
    }
}
