package org.ssoplatform.auth.client;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth clients bootstrapped at start-up ({@code platform.clients.<client-id>.*}). A client with no
 * secret is public and must use PKCE. Every client may introspect its own tokens; one with
 * {@code introspects-any-token} (the gateway) may introspect any. A client's {@code access-token-ttl}
 * replaces {@code platform.auth.access-token-ttl} for its tokens alone. Only a client with
 * {@code exchanges-access-tokens} may use the standard token exchange of an access token (RFC 8693);
 * the API-key exchange needs only the token-exchange grant.
 */
@ConfigurationProperties("platform")
public record ClientProperties(@DefaultValue Map<String, Client> clients) {

    public record Client(String name, String secret, @DefaultValue Set<String> grantTypes,
            @DefaultValue Set<String> redirectUris, @DefaultValue Set<String> postLogoutRedirectUris,
            @DefaultValue Set<String> scopes, @DefaultValue("false") boolean requireConsent,
            @DefaultValue("false") boolean introspectsAnyToken, Duration accessTokenTtl,
            @DefaultValue("false") boolean exchangesAccessTokens) {

        boolean isPublic() {
            return secret == null || secret.isBlank();
        }
    }
}
