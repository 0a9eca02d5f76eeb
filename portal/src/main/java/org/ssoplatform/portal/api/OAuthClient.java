package org.ssoplatform.portal.api;

import java.time.Instant;
import java.util.List;

/**
 * An OAuth client as the management API shows it; {@code clientSecret} only right after registration or a rotation.
 * {@code bootstrapped}: registered from auth-server's configuration, read-only through the API.
 */
public record OAuthClient(String id, String clientId, String name, String type, List<String> grantTypes,
        List<String> scopes, List<String> redirectUris, List<String> postLogoutRedirectUris,
        long accessTokenTtlSeconds, long refreshTokenTtlSeconds, boolean requireConsent, boolean bootstrapped,
        Instant createdAt, Instant previousSecretExpiresAt, String clientSecret) {

    public OAuthClient {
        grantTypes = grantTypes == null ? List.of() : grantTypes;
        scopes = scopes == null ? List.of() : scopes;
        redirectUris = redirectUris == null ? List.of() : redirectUris;
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
    }

    public boolean confidential() {
        return "confidential".equals(type);
    }
}
