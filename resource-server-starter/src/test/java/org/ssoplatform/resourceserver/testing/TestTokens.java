package org.ssoplatform.resourceserver.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real token issuer for tests: mock-oauth2-server on a random local port, one per test JVM, signing RS256 tokens
 * that carry the platform's claims. Its JWKS lives at {@code <issuer>/jwks}, not at the platform's default
 * {@code /oauth2/jwks}, so every test also exercises the separate {@code jwk-set-uri} property.
 */
public final class TestTokens {

    public static final String AUDIENCE = "platform-api";

    private static final String ISSUER_ID = "platform";

    private static final MockOAuth2Server SERVER = start();

    private TestTokens() {
    }

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    public static String issuerUri() {
        return SERVER.issuerUrl(ISSUER_ID).toString();
    }

    public static String jwkSetUri() {
        return SERVER.jwksUrl(ISSUER_ID).toString();
    }

    /** Points the library at this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("platform.resource-server.issuer-uri", TestTokens::issuerUri);
        registry.add("platform.resource-server.jwk-set-uri", TestTokens::jwkSetUri);
        // The first fetch from this in-JVM key server can outlast the production bound on a loaded build
        // machine; the bound itself is tested against a key server that never answers.
        registry.add("platform.resource-server.jwks-timeout", () -> "5s");
    }

    /** A signed-in user's token, as auth-server issues it after a login. */
    public static Token user(String userId) {
        return new Token(userId).claim("auth_type", "JWT");
    }

    /** A token the gateway got in exchange for an API key of the given user. */
    public static Token apiKey(String userId, String apiKeyId) {
        return new Token(userId).claim("auth_type", "API_KEY").claim("api_key_id", apiKeyId);
    }

    /** A client-credentials token. */
    public static Token client(String clientId) {
        return new Token(clientId).claim("auth_type", "CLIENT").roles().permissions();
    }

    /** Claims of one token to issue; {@link #issue()} signs it with the issuer's key. */
    public static final class Token {

        private final String subject;

        private final Map<String, Object> claims = new LinkedHashMap<>();

        private List<String> audience = List.of(AUDIENCE);

        private Duration lifetime = Duration.ofMinutes(5);

        private Token(String subject) {
            this.subject = subject;
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token email(String email) {
            return claim("email", email);
        }

        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        public Token permissions(String... permissions) {
            return claim("permissions", List.of(permissions));
        }

        public Token scope(String scope) {
            return claim("scope", scope);
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /**
         * When the token expires, counted from now; negative for one that already has. The token then claims to
         * have been issued a while before, as a really expired token was.
         */
        public Token expiresIn(Duration fromNow) {
            this.lifetime = fromNow;
            Date issued = Date.from(Instant.now().plus(fromNow).minus(Duration.ofMinutes(10)));
            return claim("iat", issued).claim("nbf", issued);
        }

        /** The serialized JWT, fetched over the issuer's own API. */
        public String issue() {
            return SERVER.issueToken(ISSUER_ID, "test-client", new DefaultOAuth2TokenCallback(ISSUER_ID, subject,
                    "JWT", audience, claims, lifetime.toSeconds())).serialize();
        }
    }
}
