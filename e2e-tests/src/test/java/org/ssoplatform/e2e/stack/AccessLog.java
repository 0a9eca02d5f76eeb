package org.ssoplatform.e2e.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** auth-server's request log (Tomcat's, unbuffered): which requests reached it at all. */
public final class AccessLog {

    private final Path file;

    AccessLog(Path file) {
        this.file = file;
    }

    /** Token-endpoint requests so far: every API-key exchange a gateway made. */
    public long tokenRequests() {
        return lines().stream().filter(line -> line.contains("\"POST /oauth2/token ")).count();
    }

    public List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + file, ex);
        }
    }

    /** auth-server's own log, as text. */
    static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read " + log, ex);
        }
    }
}
