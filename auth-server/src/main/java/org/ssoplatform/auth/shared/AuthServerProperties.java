package org.ssoplatform.auth.shared;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The auth-server's own settings ({@code platform.auth.*}).
 *
 * @param issuer public base URL of this server; the {@code iss} of every token
 * @param audience the {@code aud} of every access token: the platform API
 * @param accessTokenTtl lifetime of user and client access tokens
 * @param refreshTokenTtl lifetime of refresh tokens (rotated on every use)
 * @param apiKeyTokenTtl lifetime of tokens exchanged for an API key (bounded by the key's expiry)
 * @param bootstrapAdmins e-mails that receive {@code admin} on first sign-in
 * @param loginStateTtl how long a JSON-login {@code state} stays usable
 * @param jsonLoginClient the registered client that JSON-login tokens are issued to
 * @param providerTimeout bound of each call to an identity provider, to connect and to read its answer
 */
@ConfigurationProperties("platform.auth")
public record AuthServerProperties(@DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("platform-api") String audience, @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl, @DefaultValue("5m") Duration apiKeyTokenTtl,
        @DefaultValue List<String> bootstrapAdmins, @DefaultValue("10m") Duration loginStateTtl,
        @DefaultValue("cli") String jsonLoginClient, @DefaultValue("1s") Duration providerTimeout) {

    public boolean isBootstrapAdmin(String email) {
        return email != null && bootstrapAdmins.stream().anyMatch(email::equalsIgnoreCase);
    }
}
