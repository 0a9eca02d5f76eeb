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
import org.springframework.security.crypto.encrypt.TextEncryptor;

/** The {@code signing_keys} table. Private keys are stored AES-GCM encrypted. */
class SigningKeyStore {

    enum State { NEXT, CURRENT, PREVIOUS, RETIRED }

    record StoredKey(String kid, State state, RSAKey key, Instant createdAt, Instant activatedAt, Instant demotedAt) {
    }

    // PBKDF2 salt; the secret itself is high-entropy and comes from the environment.
    private static final String SALT = "8a3c5e1f7b9d2046";

    private final JdbcClient jdbc;

    private final TextEncryptor encryptor;

    SigningKeyStore(JdbcClient jdbc, SigningProperties properties) {
        this.jdbc = jdbc;
        this.encryptor = Encryptors.delux(properties.encryptionSecret(), SALT);
    }

    /** Keys a verifier may meet: the next signer, the signer and recent former signers. */
    List<StoredKey> published() {
        return jdbc.sql("SELECT * FROM signing_keys WHERE state <> 'RETIRED' ORDER BY created_at DESC")
            .query((rs, n) -> new StoredKey(rs.getString("kid"), State.valueOf(rs.getString("state")),
                    decrypt(rs.getString("private_key")), rs.getTimestamp("created_at").toInstant(),
                    instant(rs.getTimestamp("activated_at")), instant(rs.getTimestamp("demoted_at"))))
            .list();
    }

    void insert(State state) {
        RSAKey key = generate();
        jdbc.sql("""
                INSERT INTO signing_keys (kid, algorithm, public_key, private_key, state, activated_at)
                VALUES (:kid, 'RS256', :pub, :priv, :state, CASE WHEN :state = 'CURRENT' THEN now() END)
                ON CONFLICT DO NOTHING""")
            .param("kid", key.getKeyID())
            .param("pub", key.toPublicJWK().toJSONString())
            .param("priv", encryptor.encrypt(key.toJSONString()))
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

    void retirePreviousDemotedBefore(Instant instant) {
        jdbc.sql("UPDATE signing_keys SET state = 'RETIRED' WHERE state = 'PREVIOUS' AND demoted_at < :t")
            .param("t", java.sql.Timestamp.from(instant))
            .update();
    }

    private static RSAKey generate() {
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

    private RSAKey decrypt(String encrypted) {
        try {
            return RSAKey.parse(encryptor.decrypt(encrypted));
        }
        catch (ParseException | IllegalStateException ex) {
            throw new IllegalStateException("A signing key cannot be decrypted: is PLATFORM_SIGNING_SECRET the one it was stored with?");
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
