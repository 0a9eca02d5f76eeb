package org.ssoplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@code redis-server} process of Debian's package (also in sentinel mode), a child of this JVM on a
 * free loopback port, in a throwaway directory; every one still running is killed when the JVM exits.
 */
final class RedisProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "kill-test-redis"));
    }

    private final Process process;

    private final int port;

    private final Path directory;

    private RedisProcess(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** A server on a free port (whose cluster-bus port, 10000 higher, is free too) with these extra settings. */
    static RedisProcess server(List<String> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary("redis-server"), "--port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        command.addAll(settings);
        return start(command, port, null);
    }

    /** A sentinel on a free port watching {@code masterName} at {@code masterPort} with a quorum of one. */
    static RedisProcess sentinel(String masterName, int masterPort, Duration downAfter) {
        int port = freePort();
        Path directory = tempDirectory();
        Path config = directory.resolve("sentinel.conf");
        try {
            // Sentinel rewrites its configuration file, so it must be a writable file of its own.
            Files.writeString(config, String.join("\n", "port " + port, "bind 127.0.0.1",
                    "dir \"" + directory + "\"",
                    "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + masterName + " " + downAfter.toMillis(),
                    "sentinel failover-timeout " + masterName + " 10000", ""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return start(List.of(binary("redis-server"), config.toString(), "--sentinel"), port, directory);
    }

    private static RedisProcess start(List<String> command, int port, Path ownDirectory) {
        Path directory = ownDirectory != null ? ownDirectory : tempDirectory();
        List<String> withDir = new ArrayList<>(command);
        if (ownDirectory == null) {
            withDir.addAll(List.of("--dir", directory.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(withDir).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.log").toFile())
                .start();
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot run redis-server: install Debian's redis-server package", ex);
        }
        RUNNING.add(process);
        RedisProcess redis = new RedisProcess(process, port, directory);
        redis.awaitListening(Duration.ofSeconds(10));
        return redis;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process outright, as a crashed server or a lost machine would go. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    @Override
    public void close() {
        kill();
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            }
            catch (IOException notYet) {
                sleep(20);
            }
        }
        kill();
        throw new IllegalStateException("redis-server on port " + port + " did not listen within " + timeout + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        }
        catch (IOException ex) {
            return "(no log)";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String binary(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new IllegalStateException(name + " not found on PATH: install Debian's redis-server package");
    }

    private static Path tempDirectory() {
        try {
            Path directory = Files.createTempDirectory("test-redis-");
            directory.toFile().deleteOnExit();
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A port free now whose cluster-bus port (10000 higher) is free as well. */
    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port < 55000 && free(port + 10000)) {
                    return port;
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException("no free port", ex);
            }
        }
        throw new IllegalStateException("no free port pair for a Redis node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
