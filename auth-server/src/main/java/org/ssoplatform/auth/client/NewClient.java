package org.ssoplatform.auth.client;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/clients}. Without a {@code client_id} the platform picks one; without lifetimes the client
 * gets the platform's; consent is asked unless {@code require_consent} is false. The secret of a confidential
 * client is generated, never chosen.
 */
record NewClient(
        @Pattern(regexp = ClientRules.CLIENT_ID, message = ClientRules.CLIENT_ID_RULE) String clientId,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Pattern(regexp = "confidential|public", message = "must be confidential or public") String type,
        @NotEmpty @Size(max = 4) Set<@NotNull String> grantTypes,
        @Size(max = 20)
        Set<@NotNull @Pattern(regexp = ClientRules.SCOPE, message = ClientRules.SCOPE_RULE) String> scopes,
        @Size(max = 10) Set<@NotNull @Size(max = 512) String> redirectUris,
        @Size(max = 10) Set<@NotNull @Size(max = 512) String> postLogoutRedirectUris,
        @Positive Long accessTokenTtlSeconds, @Positive Long refreshTokenTtlSeconds, Boolean requireConsent) {

    boolean confidential() {
        return "confidential".equals(type);
    }
}
