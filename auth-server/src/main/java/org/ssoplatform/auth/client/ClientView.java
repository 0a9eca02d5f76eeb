package org.ssoplatform.auth.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A registered client as the API shows it. {@code bootstrapped}: registered from configuration, read-only here.
 * {@code previous_secret_expires_at}: until when a rotated-out secret still works. Never a secret's hash; the
 * secret itself ({@code client_secret}) only in the answer to a registration or rotation.
 */
record ClientView(String id, String clientId, String name, String type, List<String> grantTypes,
        List<String> scopes, List<String> redirectUris, List<String> postLogoutRedirectUris,
        long accessTokenTtlSeconds, long refreshTokenTtlSeconds, boolean requireConsent, boolean bootstrapped,
        Instant createdAt, Instant previousSecretExpiresAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    ClientView withSecret(String secret) {
        return new ClientView(id, clientId, name, type, grantTypes, scopes, redirectUris, postLogoutRedirectUris,
                accessTokenTtlSeconds, refreshTokenTtlSeconds, requireConsent, bootstrapped, createdAt,
                previousSecretExpiresAt, secret);
    }
}
