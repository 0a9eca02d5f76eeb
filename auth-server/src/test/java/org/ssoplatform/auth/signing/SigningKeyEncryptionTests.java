package org.ssoplatform.auth.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.RSAKey;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.support.AuthServerFlow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys at rest, as someone who got a copy of the {@code signing_keys} table would attack them:
 * each in a schema of its own on the real PostgreSQL, migrated by the application's Flyway scripts.
 */
class SigningKeyEncryptionTests extends AuthServerFlow {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    DataSource appDataSource;

    private String schema;

    private DriverManagerDataSource dataSource;

    private JdbcClient jdbc;

    @BeforeEach
    void schemaOfItsOwn() {
        HikariDataSource app = unwrap(appDataSource);
        schema = "signing_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient.create(app).sql("CREATE SCHEMA " + schema).update();
        String url = app.getJdbcUrl() + (app.getJdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        dataSource = new DriverManagerDataSource(url, app.getUsername(), app.getPassword());
        jdbc = JdbcClient.create(dataSource);
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        }
        catch (java.sql.SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @AfterEach
    void dropSchema() {
        JdbcClient.create(appDataSource).sql("DROP SCHEMA " + schema + " CASCADE").update();
    }

    @Test
    void aKeyStoredUnderTheFormerFixedSaltSchemeIsSealedAgainPerRowAtStartUp() {
        String secret = secret();
        migrate("4");
        RSAKey legacy = SigningKeyStore.generate();
        jdbc.sql("INSERT INTO signing_keys (kid, algorithm, public_key, private_key, state, activated_at) "
                + "VALUES (:kid, 'RS256', :pub, :priv, 'CURRENT', now())")
            .param("kid", legacy.getKeyID())
            .param("pub", legacy.toPublicJWK().toJSONString())
            .param("priv", Encryptors.delux(secret, "8a3c5e1f7b9d2046").encrypt(legacy.toJSONString()))
            .update();
        migrate(null);

        SigningKeys keys = start(secret, null);

        assertThat(keys.currentSigner().getKeyID()).isEqualTo(legacy.getKeyID());
        Map<String, Object> row = row(legacy.getKeyID());
        assertThat(row.get("key_encryption_version")).isEqualTo(SigningKeyCipher.VERSION);
        assertThat((String) row.get("encryption_salt")).isNotBlank();
        assertThatThrownBy(() -> Encryptors.delux(secret, "8a3c5e1f7b9d2046").decrypt((String) row.get("private_key")))
            .as("the fixed-salt scheme no longer opens it").isInstanceOf(RuntimeException.class);
        assertThat(new SigningKeyCipher(secret).decrypt(legacy.getKeyID(), (String) row.get("encryption_salt"),
                (String) row.get("private_key"))).contains(legacy.getKeyID());
    }

    @Test
    void everyRowHasASaltOfItsOwnAndACiphertextBoundToItsKid() {
        String secret = secret();
        migrate(null);
        SigningKeys keys = start(secret, null);
        keys.rotate();

        List<Map<String, Object>> rows = jdbc.sql("SELECT kid, encryption_salt, private_key FROM signing_keys").query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("encryption_salt")).isNotEqualTo(rows.get(1).get("encryption_salt"));
        SigningKeyCipher cipher = new SigningKeyCipher(secret);
        assertThatThrownBy(() -> cipher.decrypt((String) rows.get(1).get("kid"), (String) rows.get(0).get("encryption_salt"),
                (String) rows.get(0).get("private_key")))
            .as("a ciphertext copied to another row does not open").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotatingTheSecretSealsEveryKeyUnderTheNewOneAtStartUp() {
        String old = secret();
        String fresh = secret();
        migrate(null);
        String signer = start(old, null).currentSigner().getKeyID();

        assertThat(start(fresh, old).currentSigner().getKeyID()).isEqualTo(signer);

        assertThat(start(fresh, null).currentSigner().getKeyID()).as("the previous secret is no longer needed")
            .isEqualTo(signer);
        assertThatThrownBy(() -> start(old, null)).as("the old secret opens nothing any more")
            .hasMessageContaining("PLATFORM_SIGNING_SECRET");
    }

    @Test
    void aWrongSecretStopsStartUpAndSaysWhich() {
        migrate(null);
        start(secret(), null);

        assertThatThrownBy(() -> start(secret(), secret()))
            .hasMessageContaining("opens under neither PLATFORM_SIGNING_SECRET nor PLATFORM_SIGNING_SECRET_PREVIOUS");
    }

    @Test
    void formerSignersAreDeletedOnceNoTokenTheySignedCanBeValid() {
        String secret = secret();
        migrate(null);
        SigningKeys keys = start(secret, null, Duration.ZERO);
        String first = keys.currentSigner().getKeyID();
        keys.rotate();
        keys.rotate();
        assertThat(keys.currentSigner().getKeyID()).isNotEqualTo(first);
        keys.rotate();
        keys.rotate();

        assertThat(jdbc.sql("SELECT count(*) FROM signing_keys WHERE kid = :kid").param("kid", first).query(Long.class).single())
            .as("the first signer's row is gone, not kept as RETIRED").isZero();
    }

    private SigningKeys start(String secret, String previous) {
        return start(secret, previous, Duration.ofHours(1));
    }

    private SigningKeys start(String secret, String previous, Duration retainPrevious) {
        SigningProperties properties = new SigningProperties(secret, previous, Duration.ofDays(30), Duration.ZERO,
                retainPrevious, Duration.ofSeconds(10));
        return new SigningKeys(new SigningKeyStore(jdbc, properties), properties,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC());
    }

    private void migrate(String target) {
        var config = Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private Map<String, Object> row(String kid) {
        return jdbc.sql("SELECT * FROM signing_keys WHERE kid = :kid").param("kid", kid).query().singleRow();
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
