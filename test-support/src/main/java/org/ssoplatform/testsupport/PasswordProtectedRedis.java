package org.ssoplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import redis.embedded.RedisServer;

/**
 * A second, real Redis server process of a test's own, on a free loopback port, that refuses every
 * command until a client authenticates with {@link #password()} (as a managed Redis does): the
 * {@code redis-server} binary that embedded-redis ships, started with {@code requirepass}.
 */
public final class PasswordProtectedRedis implements AutoCloseable {

    /** An ACL user (Redis 6+) with {@link #password()}, besides the default user's {@code requirepass}. */
    public static final String USERNAME = "platform-app";

    private final RedisServer server;

    private final int port;

    private final String password;

    private PasswordProtectedRedis(RedisServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    public static PasswordProtectedRedis start() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try {
            int port = freePort();
            Path directory = Files.createTempDirectory("password-redis-");
            directory.toFile().deleteOnExit();
            RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("requirepass " + password)
                .setting("user " + USERNAME + " on >" + password + " ~* +@all")
                .setting("dir \"" + directory + "\"")
                .setting("appendonly no")
                .setting("save \"\"")
                .soutListener(line -> {
                })
                .serrListener(line -> {
                })
                .build();
            server.start();
            return new PasswordProtectedRedis(server, port, password);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("A password-protected Redis did not start", ex);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
