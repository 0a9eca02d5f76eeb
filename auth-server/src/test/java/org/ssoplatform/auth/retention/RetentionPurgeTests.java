package org.ssoplatform.auth.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.ManagementApiFlow;

/** What the purge deletes and keeps, in batches, and that only one instance purges at a time. */
class RetentionPurgeTests extends ManagementApiFlow {

    private static final Instant NOW = Instant.now();

    @Autowired
    RetentionPurge purge;

    @Autowired
    DataSource dataSource;

    @Test
    void expiredAuthorizationsOrphanedConsentsAndOldLoginRecordsGoTheRestStays() throws Exception {
        String client = anyClient();
        String userId = Long.toString(newUser("user").id());
        String expired = authorization(client, userId, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
        String refreshable = authorization(client, userId, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(8)));
        String justExpired = authorization(client, userId, NOW.minus(Duration.ofMinutes(1)), null); // within the grace
        consent(client, userId);
        consent(client, "987654321"); // a deleted user
        consent("deleted-client-" + UUID.randomUUID(), userId);
        long oldSignIn = audit("auth.sign_in", NOW.minus(Duration.ofDays(91)));
        long oldFailure = audit("auth.sign_in_failed", NOW.minus(Duration.ofDays(91)));
        long recentSignIn = audit("auth.sign_in", NOW.minus(Duration.ofDays(1)));
        long oldChange = audit("user.updated", NOW.minus(Duration.ofDays(400)));

        RetentionPurge.Result result = purge.purge(NOW);

        assertThat(result.ran()).isTrue();
        assertThat(result.authorizations()).isPositive();
        assertThat(result.consents()).isGreaterThanOrEqualTo(2);
        assertThat(result.loginRecords()).isGreaterThanOrEqualTo(2);
        assertThat(authorizationExists(expired)).isFalse();
        assertThat(authorizationExists(refreshable)).isTrue();
        assertThat(authorizationExists(justExpired)).isTrue();
        assertThat(jdbc.sql("SELECT registered_client_id, principal_name FROM oauth2_authorization_consent "
                + "WHERE principal_name IN (?, '987654321') OR registered_client_id LIKE 'deleted-client-%'")
            .param(userId).query((rs, row) -> rs.getString(1) + "/" + rs.getString(2)).list())
            .containsExactly(client + "/" + userId);
        assertThat(auditExists(oldSignIn)).isFalse();
        assertThat(auditExists(oldFailure)).isFalse();
        assertThat(auditExists(recentSignIn)).isTrue();
        assertThat(auditExists(oldChange)).as("the audit trail of changes is not a login record").isTrue();
    }

    @Test
    void rowsBeyondOneBatchAreDeletedInSeveralBatchesInOneRun() throws Exception {
        String client = anyClient();
        String userId = Long.toString(newUser("user").id());
        String[] expired = new String[5];
        for (int i = 0; i < expired.length; i++) {
            expired[i] = authorization(client, userId, NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
        }
        RetentionPurge smallBatches = new RetentionPurge(dataSource,
                new RetentionProperties(Duration.ofHours(1), 2, Duration.ofHours(1), Duration.ofDays(90)));

        RetentionPurge.Result result = smallBatches.purge(NOW);

        assertThat(result.authorizations()).isGreaterThanOrEqualTo(expired.length);
        for (String id : expired) {
            assertThat(authorizationExists(id)).isFalse();
        }
    }

    @Test
    void whileAnotherInstancePurgesThisOneSkipsItsTurn() throws Exception {
        String expired = authorization(anyClient(), Long.toString(newUser("user").id()), NOW.minus(Duration.ofDays(2)),
                NOW.minus(Duration.ofDays(1)));
        try (Connection otherInstance = dataSource.getConnection()) {
            assertThat(advisory(otherInstance, "pg_try_advisory_lock")).isTrue();

            RetentionPurge.Result skipped = purge.purge(NOW);

            assertThat(skipped.ran()).isFalse();
            assertThat(authorizationExists(expired)).isTrue();
            assertThat(advisory(otherInstance, "pg_advisory_unlock")).isTrue();
        }

        assertThat(purge.purge(NOW).ran()).isTrue();
        assertThat(authorizationExists(expired)).isFalse();
    }

    private static boolean advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, RetentionPurge.LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private String anyClient() {
        return jdbc.sql("SELECT id FROM oauth2_registered_client ORDER BY id LIMIT 1").query(String.class).single();
    }

    private String authorization(String client, String principal, Instant accessExpiresAt, Instant refreshExpiresAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                  access_token_value, access_token_issued_at, access_token_expires_at,
                  refresh_token_value, refresh_token_issued_at, refresh_token_expires_at)
                VALUES (?, ?, ?, 'authorization_code', ?, ?, ?, ?, ?, ?)""")
            .params(id, client, principal, "access-" + id, at(accessExpiresAt.minus(Duration.ofMinutes(15))),
                    at(accessExpiresAt), refreshExpiresAt == null ? null : "refresh-" + id,
                    refreshExpiresAt == null ? null : at(NOW.minus(Duration.ofDays(3))),
                    refreshExpiresAt == null ? null : at(refreshExpiresAt))
            .update();
        return id;
    }

    private void consent(String client, String principal) {
        jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) "
                + "VALUES (?, ?, 'SCOPE_openid')").params(client, principal).update();
    }

    private long audit(String action, Instant at) {
        return jdbc.sql("INSERT INTO audit_log (action, target_type, target_id, at) VALUES (?, 'user', '1', ?) RETURNING id")
            .params(action, at(at)).query(Long.class).single();
    }

    private boolean authorizationExists(String id) {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    private boolean auditExists(long id) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }
}
