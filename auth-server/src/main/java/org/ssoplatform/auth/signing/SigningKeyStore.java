package org.ssoplatform.auth.signing;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * The {@code signing_keys} table. Private keys are sealed by {@link SigningKeyCipher} under
 * {@code PLATFORM_SIGNING_SECRET}; rows sealed otherwise (the former scheme, or the previous secret)
 * are sealed again at start-up.
 */
class SigningKeyStore {

    enum State { NEXT, CURRENT, PREVIOUS, RETIRED }

    record StoredKey(String kid, State state, RSAKey key, Instant createdAt, Instant activatedAt, Instant demotedAt) {
    }

    // The fixed PBKDF2 salt of key_encryption_version 1, read only to re-seal such rows.
    private static final String LEGACY_SALT = "8a3c5e1f7b9d2046";

    private record Row(String kid, String salt, String privateKey, int version) {
    }

    private final JdbcClient jdbc;

    private final SigningKeyCipher cipher;

    private final List<String> secrets;

    SigningKeyStore(JdbcClient jdbc, SigningProperties properties) {
        this.jdbc = jdbc;
        this.cipher = new SigningKeyCipher(properties.encryptionSecret());
        this.secrets = properties.previousEncryptionSecret() == null ? List.of(properties.encryptionSecret())
                : List.of(properties.encryptionSecret(), properties.previousEncryptionSecret());
    }

    /**
     * Seals every row not sealed by this version under the current secret again; fails start-up when
     * a row opens under neither the current nor the previous secret.
     */
    int reseal() {
        List<Row> rows = jdbc.sql("SELECT kid, encryption_salt, private_key, key_encryption_version FROM signing_keys FOR UPDATE")
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list();
        int resealed = 0;
        for (Row row : rows) {
            if (row.version() == SigningKeyCipher.VERSION && opens(cipher, row)) {
                continue;
            }
            SigningKeyCipher.Sealed sealed = cipher.encrypt(row.kid(), plaintext(row));
            jdbc.sql("UPDATE signing_keys SET private_key = :priv, encryption_salt = :salt, key_encryption_version = :v WHERE kid = :kid")
                .param("priv", sealed.ciphertext())
                .param("salt", sealed.salt())
                .param("v", SigningKeyCipher.VERSION)
                .param("kid", row.kid())
                .update();
            resealed++;
        }
        return resealed;
    }

    private String plaintext(Row row) {
        for (String secret : secrets) {
            try {
                return row.version() == SigningKeyCipher.VERSION
                        ? new SigningKeyCipher(secret).decrypt(row.kid(), row.salt(), row.privateKey())
                        : Encryptors.delux(secret, LEGACY_SALT).decrypt(row.privateKey());
            }
            catch (IllegalArgumentException | IllegalStateException ex) {
                // not this secret: try the next one
            }
        }
        throw new IllegalStateException("The signing key " + row.kid()
                + " opens under neither PLATFORM_SIGNING_SECRET nor PLATFORM_SIGNING_SECRET_PREVIOUS");
    }

    private static boolean opens(SigningKeyCipher cipher, Row row) {
        try {
            cipher.decrypt(row.kid(), row.salt(), row.privateKey());
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** Keys a verifier may meet: the next signer, the signer and recent former signers. */
    List<StoredKey> published() {
        return jdbc.sql("SELECT * FROM signing_keys WHERE state <> 'RETIRED' ORDER BY created_at DESC")
            .query((rs, n) -> new StoredKey(rs.getString("kid"), State.valueOf(rs.getString("state")),
                    decrypt(rs.getString("kid"), rs.getString("encryption_salt"), rs.getString("private_key")), rs.getTimestamp("created_at").toInstant(),
                    instant(rs.getTimestamp("activated_at")), instant(rs.getTimestamp("demoted_at"))))
            .list();
    }

    void insert(State state) {
        RSAKey key = generate();
        SigningKeyCipher.Sealed sealed = cipher.encrypt(key.getKeyID(), key.toJSONString());
        jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_key, private_key, encryption_salt, key_encryption_version,
                    state, activated_at)
                VALUES (:kid, 'RS256', :pub, :priv, :salt, :version, :state, CASE WHEN :state = 'CURRENT' THEN now() END)
                ON CONFLICT DO NOTHING""")
            .param("kid", key.getKeyID())
            .param("pub", key.toPublicJWK().toJSONString())
            .param("priv", sealed.ciphertext())
            .param("salt", sealed.salt())
            .param("version", SigningKeyCipher.VERSION)
            .param("state", state.name())
            .update();
    }

    /** Serialises rotations across instances for the current transaction. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('signing-key-rotation'))").query().singleValue();
    }

    void promoteNext() {
        jdbc.sql("UPDATE signing_keys SET state = 'PREVIOUS', demoted_at = now() WHERE state = 'CURRENT'").update();
        jdbc.sql("UPDATE signing_keys SET state = 'CURRENT', activated_at = now() WHERE state = 'NEXT'").update();
    }

    /** Deletes former signers demoted before {@code instant}: no token they signed is still valid. */
    void deletePreviousDemotedBefore(Instant instant) {
        jdbc.sql("DELETE FROM signing_keys WHERE state = 'RETIRED' OR (state = 'PREVIOUS' AND demoted_at < :t)")
            .param("t", java.sql.Timestamp.from(instant))
            .update();
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate an RSA key", ex);
        }
    }

    private RSAKey decrypt(String kid, String salt, String encrypted) {
        try {
            return RSAKey.parse(cipher.decrypt(kid, salt, encrypted));
        }
        catch (ParseException | IllegalArgumentException ex) {
            throw new IllegalStateException("A signing key cannot be decrypted: is PLATFORM_SIGNING_SECRET the one it was stored with?");
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
