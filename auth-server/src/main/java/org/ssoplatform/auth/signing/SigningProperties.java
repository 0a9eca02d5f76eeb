package org.ssoplatform.auth.signing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.ssoplatform.auth.shared.SecretStrength;

/**
 * Signing-key life cycle ({@code platform.signing.*}).
 *
 * @param encryptionSecret encrypts private keys at rest; from the environment, never committed
 * @param previousEncryptionSecret the secret being rotated out: keys it sealed are read and sealed
 * again under {@code encryptionSecret} at start-up
 * @param rotationPeriod how long a key signs before the next one is prepared
 * @param publishAhead how long a new key is published in the JWKS before it signs, so every
 * verifier's cached JWKS knows it first
 * @param retainPrevious how long a retired signer stays published, at least the longest token lifetime
 * @param refreshInterval how often each instance re-reads the key table
 */
@ConfigurationProperties("platform.signing")
public record SigningProperties(String encryptionSecret, String previousEncryptionSecret, @DefaultValue("30d") Duration rotationPeriod,
        @DefaultValue("10m") Duration publishAhead, @DefaultValue("1h") Duration retainPrevious,
        @DefaultValue("10s") Duration refreshInterval) {

    public SigningProperties {
        SecretStrength.require("platform.signing.encryption-secret (PLATFORM_SIGNING_SECRET)", encryptionSecret,
                SecretStrength.GENERATE_BASE64);
        if (previousEncryptionSecret != null && previousEncryptionSecret.isBlank()) {
            previousEncryptionSecret = null;
        }
    }
}
