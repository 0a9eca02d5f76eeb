package org.ssoplatform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher as ./platform runs it: a separate java process, stopped with SIGTERM. */
class EmbeddedServicesLauncherTests {

    private Process launcher;

    @AfterEach
    void stopLauncher() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            launcher.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void startsBothServersWithTheDatabaseAndStopsThemOnSigterm(@TempDir Path data) throws Exception {
        int postgresPort = Ports.free();
        int redisPort = Ports.free();
        List<String> output = new ArrayList<>();
        launcher = launch(output, "--data=" + data, "--postgres-port=" + postgresPort, "--database=platform_local",
                "--redis-port=" + redisPort);

        assertThat(readUntilReady(launcher, output)).as("output: %s", output).isTrue();
        assertThat(output).anyMatch(line -> line.startsWith("embedded PostgreSQL " + EmbeddedPostgresServer.VERSION
                + " on 127.0.0.1:" + postgresPort + ", database platform_local (created)"));
        assertThat(output).anyMatch(line -> line.startsWith("embedded Redis " + EmbeddedRedisServer.VERSION
                + " on 127.0.0.1:" + redisPort));
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/platform_local", "postgres", "");
                ResultSet rs = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("platform_local");
        }
        assertThat(answers(redisPort)).isTrue();

        launcher.destroy(); // SIGTERM, as ./platform down sends
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(answers(postgresPort)).as("PostgreSQL still answers after the launcher stopped").isFalse();
        assertThat(answers(redisPort)).as("Redis still answers after the launcher stopped").isFalse();
    }

    @Test
    void withoutAnythingToStartItExplainsItsUsage(@TempDir Path data) throws Exception {
        List<String> output = new ArrayList<>();
        launcher = launch(output, "--data=" + data);
        drain(launcher, output);
        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(2);
        assertThat(output).contains("embedded services: nothing to start: give --postgres-port and/or --redis-port");
    }

    @Test
    void aPortTakenByAnotherServerFailsTheStartInsteadOfSharingIt(@TempDir Path data) throws Exception {
        try (java.net.ServerSocket other = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<String> output = new ArrayList<>();
            launcher = launch(output, "--data=" + data, "--redis-port=" + other.getLocalPort());
            drain(launcher, output);
            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).isEqualTo(1);
            assertThat(output).contains("embedded services: port " + other.getLocalPort()
                    + " for the embedded Redis is taken by another process");
        }
    }

    private static Process launch(List<String> output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServicesLauncher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static boolean readUntilReady(Process process, List<String> output) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            output.add(line);
            if (line.equals(EmbeddedServicesLauncher.READY)) {
                Thread drainer = new Thread(() -> reader.lines().forEach(rest -> {
                }));
                drainer.setDaemon(true);
                drainer.start();
                return true;
            }
        }
        return false;
    }

    private static void drain(Process process, List<String> output) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(output::add);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }
}
