package org.ssoplatform.e2e.client;

import java.net.URI;
import java.util.Map;

import org.ssoplatform.e2e.stack.StandInIdp;

/**
 * The seed's JSON login, done as a user's API client does it, through a gateway:
 * {@code GET /api/v1/auth/{provider}/login} → the provider's authorization URL (the stand-in
 * answers at once with a redirect carrying code and state) → {@code GET} the callback → a token and
 * the user.
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

    private static void expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("JSON login step answered " + reply.status() + " instead of " + status + ": " + reply);
        }
    }
}
