package org.ssoplatform.e2e.stack;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The identity provider users sign in with: a real OIDC server over HTTP (mock-oauth2-server, the
 * same stand-in the local-idp jar runs), non-interactive, so its authorize endpoint redirects back
 * at once. Who signs in next is steered per login; auth-server knows it as the provider
 * {@value #PROVIDER}, discovered from its issuer like the real Google.
 */
public final class StandInIdp implements AutoCloseable {

    public static final String PROVIDER = "google";

    static final String CLIENT_ID = "platform-e2e";

    static final String CLIENT_SECRET = "stand-in-idp-client-secret";

    private final MockOAuth2Server server = new MockOAuth2Server();

    public StandInIdp() {
        server.start();
    }

    public String issuer() {
        return server.issuerUrl(PROVIDER).toString();
    }

    /**
     * The next sign-in at this provider is this person. Logins must not interleave: the queue is
     * consumed by whichever code exchange comes next.
     */
    public void nextUser(String subject, String email, boolean emailVerified, String name) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(PROVIDER, subject, "JWT", List.of(CLIENT_ID),
                Map.of("email", email, "email_verified", emailVerified, "name", name), 3600));
    }

    /** auth-server's registration of this provider, as any OIDC provider is added (README "Real Google"). */
    List<String> registrationArgs() {
        String prefix = "--spring.security.oauth2.client.";
        return List.of(prefix + "registration." + PROVIDER + ".client-id=" + CLIENT_ID,
                prefix + "registration." + PROVIDER + ".client-secret=" + CLIENT_SECRET,
                prefix + "registration." + PROVIDER + ".scope=openid,profile,email",
                prefix + "provider." + PROVIDER + ".issuer-uri=" + issuer());
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
