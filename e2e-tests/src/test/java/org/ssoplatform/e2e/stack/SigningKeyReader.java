package org.ssoplatform.e2e.stack;

import java.text.ParseException;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * Decrypts a signing key as auth-server stored it ({@code signing/SigningKeyStore}: the JWK as JSON,
 * AES-GCM with a PBKDF2 key from the deployment's secret and this fixed salt). Should auth-server store
 * keys differently, this fails loudly rather than let a test sign with a wrong key.
 */
final class SigningKeyReader {

    private static final String SALT = "8a3c5e1f7b9d2046";

    private SigningKeyReader() {
    }

    static RSAKey read(PlatformDatabase.StoredSigningKey stored, String secret) {
        try {
            RSAKey key = RSAKey.parse(Encryptors.delux(secret, SALT).decrypt(stored.encryptedPrivateKey()));
            if (!stored.kid().equals(key.getKeyID()) || !key.isPrivate()) {
                throw new IllegalStateException("The stored signing key " + stored.kid() + " is not the private key it names");
            }
            return key;
        }
        catch (ParseException ex) {
            throw new IllegalStateException("auth-server's signing key is not a JWK once decrypted", ex);
        }
    }
}
