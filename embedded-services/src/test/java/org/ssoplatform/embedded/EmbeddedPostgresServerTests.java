package org.ssoplatform.embedded;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTests {

    @Test
    void aPersistentServerKeepsItsDatabaseAndRowsAcrossARestart(@TempDir Path data) throws SQLException {
        int port = Ports.free();
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.persistent(data, port)) {
            assertThat(first.ensureDatabase("platform_local", "platform_user")).isTrue();
            try (Connection connection = connect(first, "platform_local", "platform_user");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE signing_keys (kid text PRIMARY KEY)");
                statement.execute("INSERT INTO signing_keys VALUES ('key-1')");
            }
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.persistent(data, port)) {
            assertThat(second.ensureDatabase("platform_local", "platform_user")).isFalse();
            try (Connection connection = connect(second, "platform_local", "platform_user");
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT kid FROM signing_keys")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("key-1");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void aThrowawayServerAnswersOnItsOwnPortAndLeavesNoDataBehind() throws SQLException {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.throwaway();
        Path dataDirectory;
        try (Connection connection = connect(server, "postgres", EmbeddedPostgresServer.SUPERUSER);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory'), version()")) {
            assertThat(rs.next()).isTrue();
            dataDirectory = Path.of(rs.getString(1));
            assertThat(rs.getString(2)).startsWith("PostgreSQL " + EmbeddedPostgresServer.VERSION + ".");
        }
        finally {
            server.close();
        }
        assertThat(Files.exists(dataDirectory)).isFalse();
        assertThatThrownBy(() -> connect(server, "postgres", EmbeddedPostgresServer.SUPERUSER).close())
            .isInstanceOf(SQLException.class);
    }

    @Test
    void aTakenPortIsRefusedRatherThanSharedWithAnotherServer(@TempDir Path data) throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.persistent(data, other.getLocalPort()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("port " + other.getLocalPort() + " for the embedded PostgreSQL is taken by another process");
        }
    }

    private static Connection connect(EmbeddedPostgresServer server, String database, String user) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, "");
    }
}
