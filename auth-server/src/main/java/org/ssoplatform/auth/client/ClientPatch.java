package org.ssoplatform.auth.client;

import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/clients/{client_id}}: fields left out stay as they are; sets given replace the client's.
 * A client stays confidential or public as registered (its secret, or its lack of one, is what its users hold).
 */
record ClientPatch(
        @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(min = 1, max = 4) Set<@NotNull String> grantTypes,
        @Size(max = 20)
        Set<@NotNull @Pattern(regexp = ClientRules.SCOPE, message = ClientRules.SCOPE_RULE) String> scopes,
        @Size(max = 10) Set<@NotNull @Size(max = 512) String> redirectUris,
        @Size(max = 10) Set<@NotNull @Size(max = 512) String> postLogoutRedirectUris,
        @Positive Long accessTokenTtlSeconds, @Positive Long refreshTokenTtlSeconds, Boolean requireConsent) {
}
