package org.ssoplatform.auth.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a signing key's private JWK at rest: AES-256-GCM under a key expanded, with HKDF-SHA256
 * (RFC 5869), from a pseudo-random key extracted once from {@code PLATFORM_SIGNING_SECRET}, with a
 * random salt per key row; the key id is the associated data, so a ciphertext cannot be moved to
 * another row. Uses the JDK alone so that the end-to-end tests load this very class from the jar to
 * read the key auth-server signs with.
 */
public final class SigningKeyCipher {

    /** The {@code key_encryption_version} of rows this class writes. */
    public static final int VERSION = 2;

    private static final byte[] INFO = "sso-platform signing-key encryption v2".getBytes(StandardCharsets.US_ASCII);

    private static final int SALT_BYTES = 16;

    private static final int IV_BYTES = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed private key: the salt and {@code iv || ciphertext || tag}, each base64. */
    public record Sealed(String salt, String ciphertext) {
    }

    private final byte[] pseudoRandomKey;

    public SigningKeyCipher(String secret) {
        this.pseudoRandomKey = hmac(INFO, secret.getBytes(StandardCharsets.UTF_8));
    }

    public Sealed encrypt(String kid, String plaintext) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, salt, iv, kid);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return new Sealed(Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(out));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    /** The plaintext, or an {@link IllegalArgumentException} when this secret did not seal it for this kid. */
    public String decrypt(String kid, String salt, String ciphertext) {
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException("Not a sealed signing key");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(salt), Arrays.copyOf(in, IV_BYTES), kid);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("The signing key was not sealed with this secret", ex);
        }
    }

    private Cipher cipher(int mode, byte[] salt, byte[] iv, String kid) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(expand(salt), "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** HKDF-Expand to 32 bytes (one block) with the row's salt in the info. */
    private byte[] expand(byte[] salt) {
        byte[] info = new byte[INFO.length + salt.length + 1];
        System.arraycopy(INFO, 0, info, 0, INFO.length);
        System.arraycopy(salt, 0, info, INFO.length, salt.length);
        info[info.length - 1] = 1;
        return hmac(pseudoRandomKey, info);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
