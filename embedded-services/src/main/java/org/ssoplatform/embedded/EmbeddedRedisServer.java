package org.ssoplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import redis.embedded.RedisServer;

/**
 * A real Redis server ({@code redis-server} 6.2, shipped in codemonstur's embedded-redis artifact),
 * bound to 127.0.0.1, as a child process of this JVM: it stops when {@link #close()} runs or the JVM
 * exits.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    /** The version of the shipped binaries (embedded-redis 1.4.3). */
    public static final String VERSION = "6.2";

    private final RedisServer server;

    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * A server whose data stays in {@code dataDirectory} across restarts (an append-only file synced
     * every second, so browser sessions survive a restart), logging to {@code log}; its process id is
     * written to {@code redis.pid} there, so a launcher killed outright leaves a server that can be
     * found and stopped.
     */
    public static EmbeddedRedisServer persistent(Path dataDirectory, int port, Consumer<String> log) {
        Ports.requireFree(port, "Redis");
        Path directory = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + directory, ex);
        }
        return start(RedisServer.newRedisServer()
            .port(port)
            .setting("dir \"" + directory + "\"")
            .setting("pidfile \"" + directory.resolve("redis.pid") + "\"")
            .setting("appendonly yes")
            .setting("appendfsync everysec")
            .setting("save \"\"")
            .soutListener(log)
            .serrListener(log), port);
    }

    /** A server of its own on a free port, for one test JVM, keeping nothing on disk. */
    public static EmbeddedRedisServer throwaway() {
        int port = Ports.free();
        Path directory;
        try {
            directory = Files.createTempDirectory("embedded-redis-");
            directory.toFile().deleteOnExit();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create a directory for Redis", ex);
        }
        Consumer<String> discard = line -> {
        };
        return start(RedisServer.newRedisServer()
            .port(port)
            .setting("dir \"" + directory + "\"")
            .setting("appendonly no")
            .setting("save \"\"")
            .soutListener(discard)
            .serrListener(discard), port);
    }

    private static EmbeddedRedisServer start(redis.embedded.core.RedisServerBuilder builder, int port) {
        try {
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("embedded Redis did not start: " + ex.getMessage(), ex);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Stops the server; a persistent one writes its append-only file before exiting. */
    @Override
    public void close() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
