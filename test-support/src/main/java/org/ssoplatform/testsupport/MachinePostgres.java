package org.ssoplatform.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.ssoplatform.embedded.EmbeddedPostgresServer;

/**
 * A fresh database for this test JVM on a PostgreSQL outside Docker, dropped when the JVM exits: the
 * machine's server given by {@code POSTGRES_*}, or an embedded one started for this JVM where
 * {@link TestServices#postgres()} says so. Databases left behind by a crashed run (their owning
 * process is gone) are dropped first, so a run after a crash starts clean.
 */
public final class MachinePostgres {

    private static final String PREFIX = "platform_test_";

    private static volatile String databaseName;

    private MachinePostgres() {
    }

    public static String host() {
        return embedded() ? EmbeddedServers.postgres().host() : configuredHost();
    }

    public static String port() {
        return embedded() ? String.valueOf(EmbeddedServers.postgres().port()) : configuredPort();
    }

    public static String user() {
        return embedded() ? EmbeddedPostgresServer.SUPERUSER : env("POSTGRES_USER", "postgres");
    }

    public static String password() {
        return embedded() ? "" : env("POSTGRES_PASSWORD", "");
    }

    /** Whether this JVM's database is on an embedded server rather than the machine's. */
    public static boolean embedded() {
        return TestServices.postgres() == TestServices.Source.EMBEDDED;
    }

    static String configuredHost() {
        return env("POSTGRES_HOST", "127.0.0.1");
    }

    static String configuredPort() {
        return env("POSTGRES_PORT", "5432");
    }

    /** JDBC URL of this JVM's own database, created on first use. */
    public static synchronized String jdbcUrl() {
        if (databaseName == null) {
            databaseName = create();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(databaseName), "drop-test-database"));
        }
        return url(databaseName);
    }

    private static String create() {
        String name = PREFIX + ProcessHandle.current().pid() + "_"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            for (String stale : staleDatabases(statement)) {
                statement.execute("DROP DATABASE IF EXISTS \"" + stale + "\" WITH (FORCE)");
            }
            statement.execute("CREATE DATABASE \"" + name + "\"");
            return name;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + host() + ":" + port() + " as "
                    + user() + " (set POSTGRES_HOST/POSTGRES_PORT/POSTGRES_USER/POSTGRES_PASSWORD, run Docker, or set"
                    + " PLATFORM_TEST_SERVICES=embedded)", ex);
        }
    }

    private static List<String> staleDatabases(Statement statement) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                boolean ownerAlive = parts.length == 2 && parts[0].chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
                if (!ownerAlive) {
                    stale.add(name);
                }
            }
        }
        return stale;
    }

    private static void drop(String name) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        }
        catch (SQLException ex) {
            // The next run removes it as stale.
        }
    }

    private static Connection admin() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url("postgres"), props);
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
