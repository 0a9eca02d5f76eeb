package org.ssoplatform.auth.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets are machine-generated with at least 256 bits of entropy (enforced when a client is
 * registered), so a slow password hash buys nothing: nobody can brute-force 2^256 candidates, fast
 * hash or not. A single SHA-256 keeps client authentication at microseconds per token request,
 * where BCrypt costs tens of milliseconds of CPU and caps the token rate. Secrets hashed with BCrypt
 * ({@code {bcrypt}…}) still verify, for secrets a person chose.
 */
final class ClientSecretEncoder implements PasswordEncoder {

    public static final String ID = "sha256";

    /** The encoder the authorization server uses: new secrets as {@code {sha256}}, old ones as tagged. */
    public static PasswordEncoder delegating() {
        return new DelegatingPasswordEncoder(ID, Map.of(ID, new ClientSecretEncoder(), "bcrypt",
                new BCryptPasswordEncoder()));
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(sha256(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(sha256(rawPassword), HexFormat.of().parseHex(encodedPassword));
        }
        catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static byte[] sha256(CharSequence value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
