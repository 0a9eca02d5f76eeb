package org.ssoplatform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedRedisServerTests {

    private final List<RedisClient> clients = new ArrayList<>();

    @AfterEach
    void shutdownClients() {
        clients.forEach(RedisClient::shutdown);
    }

    @Test
    void aPersistentServerKeepsItsKeysAcrossARestart(@TempDir Path data) {
        int port = Ports.free();
        List<String> log = new ArrayList<>();
        try (EmbeddedRedisServer first = EmbeddedRedisServer.persistent(data, port, log::add)) {
            try (StatefulRedisConnection<String, String> connection = connect(first)) {
                connection.sync().setex("platform:auth-session:sessions:abc", 3600, "signed-in");
            }
        }
        assertThat(log).anyMatch(line -> line.contains("Ready to accept connections"));

        try (EmbeddedRedisServer second = EmbeddedRedisServer.persistent(data, port, line -> {
        }); StatefulRedisConnection<String, String> connection = connect(second)) {
            assertThat(connection.sync().get("platform:auth-session:sessions:abc")).isEqualTo("signed-in");
            assertThat(connection.sync().ttl("platform:auth-session:sessions:abc")).isBetween(3000L, 3600L);
        }
    }

    @Test
    void aThrowawayServerAnswersOnItsOwnPortUntilClosed() {
        EmbeddedRedisServer server = EmbeddedRedisServer.throwaway();
        try (StatefulRedisConnection<String, String> connection = connect(server)) {
            assertThat(connection.sync().ping()).isEqualTo("PONG");
            assertThat(connection.sync().info("server")).contains("redis_version:" + EmbeddedRedisServer.VERSION + ".");
        }
        finally {
            server.close();
        }
        assertThatThrownBy(() -> connect(server)).isInstanceOf(RedisConnectionException.class);
    }

    private StatefulRedisConnection<String, String> connect(EmbeddedRedisServer server) {
        RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
        clients.add(client);
        return client.connect();
    }
}
