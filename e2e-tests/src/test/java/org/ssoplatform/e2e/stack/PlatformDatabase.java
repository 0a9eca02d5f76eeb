package org.ssoplatform.e2e.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * auth-server's database of this run, read as an operator with psql would: what auth-server has
 * registered and stored, as opposed to what a test configured.
 */
public final class PlatformDatabase {

    private final Map<String, String> env;

    PlatformDatabase(Map<String, String> env) {
        this.env = env;
    }

    /** The redirect URIs auth-server registered for an OAuth client. */
    public List<String> registeredRedirectUris(String clientId) {
        return queryOne("SELECT redirect_uris FROM oauth2_registered_client WHERE client_id = ?", clientId)
            .map(uris -> Arrays.stream(uris.split(",")).map(String::trim).filter(uri -> !uri.isEmpty()).toList())
            .orElseThrow(() -> new AssertionError("auth-server has registered no client '" + clientId + "'"));
    }

    /** The stored (encrypted) private key that signs tokens now, and its key id. */
    public record StoredSigningKey(String kid, String encryptedPrivateKey, String salt, int keyEncryptionVersion) {
    }

    public StoredSigningKey currentSigningKey() {
        List<StoredSigningKey> keys = new ArrayList<>();
        query("SELECT kid, private_key, encryption_salt, key_encryption_version FROM signing_keys WHERE state = 'CURRENT'",
                List.of(), rs -> keys.add(new StoredSigningKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))));
        if (keys.size() != 1) {
            throw new AssertionError("Expected one current signing key, found " + keys.size());
        }
        return keys.get(0);
    }

    private Optional<String> queryOne(String sql, String parameter) {
        List<String> values = new ArrayList<>();
        query(sql, List.of(parameter), rs -> values.add(rs.getString(1)));
        return values.stream().findFirst();
    }

    private interface Row {

        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<String> parameters, Row row) {
        String url = "jdbc:postgresql://" + env.get("POSTGRES_HOST") + ":" + env.get("POSTGRES_PORT") + "/"
                + env.get("POSTGRES_DB");
        try (Connection connection = DriverManager.getConnection(url, env.get("POSTGRES_USER"),
                env.getOrDefault("POSTGRES_PASSWORD", ""));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot read auth-server's database: " + ex.getMessage(), ex);
        }
    }
}
