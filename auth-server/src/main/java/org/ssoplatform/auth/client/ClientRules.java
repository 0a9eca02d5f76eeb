package org.ssoplatform.auth.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * What a client registered through the API may be: the grant types the platform offers, redirect URIs a browser
 * can be sent to without an open redirect (exact, absolute, {@code https} except on the loopback interface, no
 * wildcard, no fragment; RFC 9700 §4.1 and RFC 8252 §7.3), and token lifetimes within the platform's bounds.
 * Every refusal is a 400 naming the field.
 */
final class ClientRules {

    static final String CLIENT_ID = "[a-z0-9][a-z0-9._-]{2,63}";

    static final String CLIENT_ID_RULE = "must be 3 to 64 lower-case letters, digits, '.', '_' or '-'";

    /** RFC 6749 §3.3 allows more; these are the characters a scope needs and a log or form shows plainly. */
    static final String SCOPE = "[A-Za-z0-9._:/-]{1,64}";

    static final String SCOPE_RULE = "must be 1 to 64 letters, digits, '.', '_', ':', '/' or '-'";

    static final String AUTHORIZATION_CODE = AuthorizationGrantType.AUTHORIZATION_CODE.getValue();

    static final String REFRESH_TOKEN = AuthorizationGrantType.REFRESH_TOKEN.getValue();

    static final String CLIENT_CREDENTIALS = AuthorizationGrantType.CLIENT_CREDENTIALS.getValue();

    static final String DEVICE_CODE = AuthorizationGrantType.DEVICE_CODE.getValue();

    static final Set<String> GRANT_TYPES = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS, DEVICE_CODE);

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private ClientRules() {
    }

    /** Refuses, naming the field, a client that breaks a rule. */
    static void check(ClientSpec client, ClientRegistryProperties bounds) {
        Set<String> grants = client.grantTypes();
        if (!GRANT_TYPES.containsAll(grants)) {
            throw ApiProblem.invalidField("grant_types", "may hold only " + AUTHORIZATION_CODE + ", " + REFRESH_TOKEN
                    + ", " + CLIENT_CREDENTIALS + " and " + DEVICE_CODE);
        }
        if (grants.contains(REFRESH_TOKEN) && !grants.contains(AUTHORIZATION_CODE) && !grants.contains(DEVICE_CODE)) {
            throw ApiProblem.invalidField("grant_types",
                    "may hold " + REFRESH_TOKEN + " only with " + AUTHORIZATION_CODE + " or " + DEVICE_CODE);
        }
        if (grants.contains(CLIENT_CREDENTIALS) && !client.confidential()) {
            throw ApiProblem.invalidField("grant_types", "may hold " + CLIENT_CREDENTIALS + " only for a confidential "
                    + "client: a public client has no secret to prove it is itself");
        }
        boolean redirects = grants.contains(AUTHORIZATION_CODE);
        if (redirects && client.redirectUris().isEmpty()) {
            throw ApiProblem.invalidField("redirect_uris", "must name at least one URI for " + AUTHORIZATION_CODE);
        }
        if (!redirects && !client.redirectUris().isEmpty()) {
            throw ApiProblem.invalidField("redirect_uris", "are used only with " + AUTHORIZATION_CODE);
        }
        if (!redirects && !client.postLogoutRedirectUris().isEmpty()) {
            throw ApiProblem.invalidField("post_logout_redirect_uris", "are used only with " + AUTHORIZATION_CODE);
        }
        client.redirectUris().forEach(uri -> checkRedirect("redirect_uris", uri));
        client.postLogoutRedirectUris().forEach(uri -> checkRedirect("post_logout_redirect_uris", uri));
        checkWithin("access_token_ttl_seconds", client.accessTokenTtl(), bounds.minAccessTokenTtl(),
                bounds.maxAccessTokenTtl());
        checkWithin("refresh_token_ttl_seconds", client.refreshTokenTtl(), bounds.minRefreshTokenTtl(),
                bounds.maxRefreshTokenTtl());
    }

    private static void checkRedirect(String field, String uri) {
        redirectProblem(uri).ifPresent(problem -> {
            throw ApiProblem.invalidField(field, problem);
        });
    }

    /** Why a browser must not be sent to {@code uri}, if it must not. */
    static Optional<String> redirectProblem(String uri) {
        if (uri.contains("*")) {
            return Optional.of("must be exact URIs, without wildcards");
        }
        if (uri.contains("#")) {
            return Optional.of("must not have a fragment");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        }
        catch (URISyntaxException ex) {
            return Optional.of("must be well-formed absolute URIs");
        }
        if (!parsed.isAbsolute() || parsed.isOpaque() || parsed.getHost() == null) {
            return Optional.of("must be absolute URIs with a host");
        }
        if (parsed.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK_HOSTS.contains(parsed.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return Optional.of("must use https (http only on 127.0.0.1, [::1] or localhost)");
        }
        return Optional.empty();
    }

    private static void checkWithin(String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw ApiProblem.invalidField(field,
                    "must be between " + min.toSeconds() + " and " + max.toSeconds() + " seconds");
        }
    }
}
