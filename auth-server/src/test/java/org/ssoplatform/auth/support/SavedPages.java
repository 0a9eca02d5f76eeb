package org.ssoplatform.auth.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the pages the tests saw under {@code target/pages/} (their {@code /ui/**} links resolve against
 * platform-ui's resources when that folder is served next to them), so people can look at them in a browser.
 */
public final class SavedPages {

    private static final Path FOLDER = Path.of("target", "pages");

    private SavedPages() {
    }

    public static void save(String name, String html) {
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(FOLDER.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
