package org.ssoplatform.localidp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.StandaloneConfig;

/**
 * The local stand-in identity provider: mock-oauth2-server with interactive sign-in and a sign-in
 * form that suggests the claims auth-server needs ({@code email}, {@code email_verified}, {@code name}).
 * {@code SERVER_PORT} and {@code SERVER_HOSTNAME} as for mock-oauth2-server's own main; a
 * {@code JSON_CONFIG} or {@code JSON_CONFIG_PATH} replaces this configuration entirely.
 */
public final class LocalIdp {

    private static final String LOGIN_PAGE = "local-idp/login.html";

    private LocalIdp() {
    }

    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", env("LOGBACK_CONFIG", "logback-standalone.xml"));
        OAuth2Config config = System.getenv("JSON_CONFIG") != null || System.getenv("JSON_CONFIG_PATH") != null
                ? StandaloneConfig.INSTANCE.oauth2Config() : OAuth2Config.Companion.fromJson(defaultConfig(loginPage()));
        new MockOAuth2Server(config).start(StandaloneConfig.INSTANCE.hostname(), StandaloneConfig.INSTANCE.port());
    }

    static String defaultConfig(Path loginPage) {
        String path = loginPage.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"interactiveLogin\": true, \"httpServer\": \"NettyWrapper\", \"loginPagePath\": \"" + path + "\"}";
    }

    /** mock-oauth2-server reads its login page from a file: this jar's copy, written out once per start. */
    private static Path loginPage() {
        try (InputStream page = LocalIdp.class.getClassLoader().getResourceAsStream(LOGIN_PAGE)) {
            if (page == null) {
                throw new IllegalStateException(LOGIN_PAGE + " is missing from the jar");
            }
            Path file = Files.createTempFile("local-idp-login-", ".html");
            file.toFile().deleteOnExit();
            Files.copy(page, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the login page", ex);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
