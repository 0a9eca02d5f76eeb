package org.ssoplatform.e2e.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One platform application, run from its packaged jar with {@code java -jar} as an operator would,
 * its output kept in {@code <logs>/<name>.log}.
 */
public final class AppProcess implements AutoCloseable {

    /** Fast start on a small, loaded machine: C1 only and a serial collector, bounded heap. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Djava.security.egd=file:/dev/./urandom");

    /** Passed through from the test JVM; everything else an app sees is set explicitly here. */
    private static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "JAVA_HOME", "TMPDIR", "LANG", "TZ");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;

    private final int port;

    private final Path log;

    private final Process process;

    private AppProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * @param env the app's whole environment besides PATH, HOME and the like, so nothing from the
     * developer's shell (a stray SPRING_PROFILES_ACTIVE, the machine's POSTGRES_DB) leaks into a run
     */
    public static AppProcess start(String name, Path jar, int port, Map<String, String> env, List<String> args,
            Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " does not exist; package the apps first "
                    + "(./mvnw -q -DskipTests -pl auth-server,gateway,resource-service,local-idp,portal -am package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(logDir.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED_ENV);
        // A free management port unless the test names one: the defaults (8180...) would collide across runs.
        environment.put("MANAGEMENT_PORT", "0");
        environment.putAll(env);
        try {
            return new AppProcess(name, port, log, builder.start());
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start " + name, ex);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits for {@code /readyz} to say UP; on death or timeout fails with the log's tail. */
    public void awaitHealthy(Duration timeout) {
        awaitAnswer(timeout, "/readyz", "\"status\":\"UP\"");
    }

    /** Waits for {@code path} to answer 200 with {@code expected} in its body; else as {@link #awaitHealthy}. */
    public void awaitAnswer(Duration timeout, String path, String expected) {
        Instant deadline = Instant.now().plus(timeout);
        while (!answers(path, expected)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + tail(60));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s:\n" + tail(60));
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private boolean answers(String path, String expected) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(2))
                .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains(expected);
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The last lines of this app's log, framed for a failure message. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- last " + lines + " lines of " + log + " -----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()))
                    + "\n----- end of " + name + " log -----";
        }
        catch (IOException ex) {
            return "(no log at " + log + ")";
        }
    }

    /** Asks for a graceful stop (SIGTERM, as an orchestrator would) without waiting for it. */
    void requestStop() {
        process.destroy();
    }

    /** Graceful stop, then a kill if it hangs. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
