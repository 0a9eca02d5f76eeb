package org.ssoplatform.auth.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While PostgreSQL is known to be unreachable, connections are refused at once instead of each request waiting
 * for the pool's connection timeout: a failure to connect opens the circuit for {@code openFor}, after which one
 * caller at a time tries again, and the first success closes it. A pool that is merely busy (a timeout without a
 * connection failure behind it) does not open it.
 */
public final class FailFastDatabase extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(FailFastDatabase.class);

    private final long openForNanos;

    private final AtomicBoolean probing = new AtomicBoolean();

    private volatile boolean open;

    private volatile long openUntil;

    public FailFastDatabase(DataSource pool, Duration openFor) {
        super(pool);
        this.openForNanos = openFor.toNanos();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return attempt(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return attempt(() -> super.getConnection(username, password));
    }

    private interface Connect {

        Connection get() throws SQLException;
    }

    private Connection attempt(Connect connect) throws SQLException {
        boolean probe = false;
        if (open) {
            if (System.nanoTime() - openUntil < 0 || !probing.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException("The database is unavailable", "08001");
            }
            probe = true;
        }
        try {
            Connection connection = connect.get();
            if (open) {
                open = false;
                log.info("The database answers again");
            }
            return connection;
        }
        catch (SQLException ex) {
            if (unreachable(ex)) {
                openUntil = System.nanoTime() + openForNanos;
                if (!open) {
                    open = true;
                    log.warn("The database is unreachable ({}); refusing connections for {} ms between attempts",
                            ex.getSQLState(), openForNanos / 1_000_000);
                }
            }
            throw ex;
        }
        finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    private static boolean unreachable(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
