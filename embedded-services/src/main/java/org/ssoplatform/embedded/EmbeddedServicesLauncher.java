package org.ssoplatform.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL and/or Redis in the foreground until stopped (SIGTERM, Ctrl-C), with
 * their data under one directory, kept across restarts; {@code ./platform up} runs it in the
 * background when the machine has neither the servers nor a Docker engine.
 *
 * <pre>
 * java -jar embedded-services-&lt;version&gt;-launcher.jar --data=DIR [--postgres-port=N [--database=NAME]] [--redis-port=N]
 * </pre>
 *
 * The database is created if absent, owned by {@code POSTGRES_USER} (default {@code postgres}).
 * It prints {@value #READY} once every server answers.
 */
public final class EmbeddedServicesLauncher {

    static final String READY = "embedded services ready";

    private EmbeddedServicesLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        Map<String, String> options;
        try {
            options = parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("embedded services: " + ex.getMessage());
            System.err.println("usage: --data=DIR [--postgres-port=N [--database=NAME]] [--redis-port=N]");
            System.exit(2);
            return;
        }
        List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "stop-embedded-services"));
        try {
            start(options, started);
        }
        catch (RuntimeException ex) {
            System.err.println("embedded services: " + ex.getMessage());
            System.exit(1);
        }
        System.out.println(READY);
        new CountDownLatch(1).await(); // until the JVM is told to stop; the hook stops the servers
    }

    private static void start(Map<String, String> options, List<AutoCloseable> started) {
        Path data = Path.of(options.get("data")).toAbsolutePath();
        if (options.containsKey("postgres-port")) {
            int port = port(options.get("postgres-port"));
            long begin = System.nanoTime();
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.persistent(data.resolve("postgres"), port);
            started.add(postgres);
            String database = options.getOrDefault("database", "platform");
            String user = System.getenv().getOrDefault("POSTGRES_USER", EmbeddedPostgresServer.SUPERUSER);
            boolean created = postgres.ensureDatabase(database, user.isBlank() ? EmbeddedPostgresServer.SUPERUSER : user);
            System.out.printf("embedded PostgreSQL %s on %s:%d, database %s%s, data in %s (%d ms)%n",
                    EmbeddedPostgresServer.VERSION, postgres.host(), postgres.port(), database,
                    created ? " (created)" : "", data.resolve("postgres"), (System.nanoTime() - begin) / 1_000_000);
        }
        if (options.containsKey("redis-port")) {
            int port = port(options.get("redis-port"));
            long begin = System.nanoTime();
            EmbeddedRedisServer redis = EmbeddedRedisServer.persistent(data.resolve("redis"), port,
                    line -> System.out.println("redis: " + line));
            started.add(redis);
            System.out.printf("embedded Redis %s on %s:%d, data in %s (%d ms)%n", EmbeddedRedisServer.VERSION,
                    redis.host(), redis.port(), data.resolve("redis"), (System.nanoTime() - begin) / 1_000_000);
        }
    }

    private static void stopAll(List<AutoCloseable> started) {
        synchronized (started) {
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                }
                catch (Exception ex) {
                    System.err.println("embedded services: stopping failed: " + ex.getMessage());
                }
            }
            started.clear();
        }
        System.out.println("embedded services stopped");
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2, eq);
            if (!List.of("data", "postgres-port", "database", "redis-port").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            options.put(name, arg.substring(eq + 1));
        }
        if (!options.containsKey("data")) {
            throw new IllegalArgumentException("--data is required");
        }
        if (!options.containsKey("postgres-port") && !options.containsKey("redis-port")) {
            throw new IllegalArgumentException("nothing to start: give --postgres-port and/or --redis-port");
        }
        return options;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException("not a port: " + value);
    }
}
