package org.ssoplatform.auth.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes, in batches, what nobody can use any more: authorizations (Spring Authorization Server's
 * {@code oauth2_authorization}) whose every code and token expired, consents of deleted users or clients,
 * rotated-out refresh token hashes past their expiry, and login records older than their retention. Every
 * instance schedules it; a PostgreSQL advisory lock, held by the purging connection (so released if that
 * instance dies), lets one run at a time and makes the others skip their turn.
 */
@Component
class RetentionPurge {

    /** The advisory lock key of the purge ("ssoppurg"); no other code of the platform takes it. */
    static final long LOCK_KEY = 0x73736f7070757267L;

    /** What one run deleted; {@code ran} is false when another instance held the lock. */
    record Result(boolean ran, int authorizations, int consents, int rotatedRefreshTokens, int loginRecords) {
    }

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private static final String EXPIRED_AUTHORIZATIONS = """
            DELETE FROM oauth2_authorization WHERE id IN (
              SELECT id FROM oauth2_authorization
              WHERE greatest(authorization_code_expires_at, access_token_expires_at, refresh_token_expires_at,
                             oidc_id_token_expires_at, user_code_expires_at, device_code_expires_at) < ?
              LIMIT ?)""";

    // Principal names of user consents are user ids (UserRepository deletes them so, too).
    private static final String ORPHANED_CONSENTS = """
            DELETE FROM oauth2_authorization_consent WHERE (registered_client_id, principal_name) IN (
              SELECT c.registered_client_id, c.principal_name FROM oauth2_authorization_consent c
              WHERE NOT EXISTS (SELECT 1 FROM oauth2_registered_client r WHERE r.id = c.registered_client_id)
                 OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id::text = c.principal_name)
              LIMIT ?)""";

    private static final String EXPIRED_ROTATED_REFRESH_TOKENS = """
            DELETE FROM rotated_refresh_tokens WHERE token_hash IN (
              SELECT token_hash FROM rotated_refresh_tokens WHERE expires_at < ? LIMIT ?)""";

    private static final String OLD_LOGIN_RECORDS = """
            DELETE FROM audit_log WHERE id IN (
              SELECT id FROM audit_log
              WHERE action IN ('auth.sign_in', 'auth.sign_in_failed', 'auth.logout') AND at < ?
              LIMIT ?)""";

    private final DataSource dataSource;

    private final RetentionProperties properties;

    RetentionPurge(DataSource dataSource, RetentionProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${platform.retention.interval:1h}", initialDelayString = "${platform.retention.interval:1h}")
    void scheduled() {
        try {
            Result result = purge(Instant.now());
            if (result.ran()) {
                log.info("Retention purge: {}", result);
            }
        }
        catch (RuntimeException | SQLException ex) {
            log.warn("Retention purge failed this time ({})", ex.getClass().getSimpleName());
        }
    }

    /** One purge as of {@code now}, unless another instance is purging. */
    Result purge(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true); // each batch commits on its own
            if (!tryLock(connection)) {
                return new Result(false, 0, 0, 0, 0);
            }
            try {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                int batch = properties.batchSize();
                return new Result(true,
                        inBatches(() -> jdbc.update(EXPIRED_AUTHORIZATIONS, at(now.minus(properties.authorizationGrace())), batch)),
                        inBatches(() -> jdbc.update(ORPHANED_CONSENTS, batch)),
                        inBatches(() -> jdbc.update(EXPIRED_ROTATED_REFRESH_TOKENS, at(now), batch)),
                        inBatches(() -> jdbc.update(OLD_LOGIN_RECORDS, at(now.minus(properties.loginRecords())), batch)));
            }
            finally {
                unlock(connection);
            }
        }
    }

    private int inBatches(IntSupplier deleteOneBatch) {
        int total = 0;
        int deleted;
        do {
            deleted = deleteOneBatch.getAsInt();
            total += deleted;
        }
        while (deleted == properties.batchSize());
        return total;
    }

    private static Timestamp at(Instant instant) {
        return Timestamp.from(instant);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }
}
