package org.ssoplatform.auth.client;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/**
 * A secret rotated out with a grace period, kept in the client's own settings: it is stored, cached and
 * invalidated with the client, and deleted with it. Only its hash is kept, like the current secret's.
 */
final class PreviousSecret {

    static final String HASH = "settings.client.platform.previous-secret";

    static final String EXPIRES_AT = "settings.client.platform.previous-secret-expires-at";

    private PreviousSecret() {
    }

    /** The hash of the rotated-out secret while it still works. */
    static Optional<String> liveHash(RegisteredClient client, Instant now) {
        return expiresAt(client).filter(now::isBefore)
            .map(expiry -> client.getClientSettings().<String>getSetting(HASH));
    }

    /** When the rotated-out secret stops working, if one was kept. */
    static Optional<Instant> expiresAt(RegisteredClient client) {
        Object expiry = client.getClientSettings().getSetting(EXPIRES_AT);
        return expiry instanceof String text ? Optional.of(Instant.parse(text)) : Optional.empty();
    }

    /** Keeps {@code hash} working until {@code expiresAt}, replacing any secret rotated out before. */
    static void keep(ClientSettings.Builder settings, String hash, Instant expiresAt) {
        // An ISO-8601 text: the framework's JSON mapping of settings reads back strings as written.
        settings.settings(values -> {
            values.put(HASH, hash);
            values.put(EXPIRES_AT, expiresAt.toString());
        });
    }

    static void forget(ClientSettings.Builder settings) {
        settings.settings(PreviousSecret::forget);
    }

    private static void forget(Map<String, Object> values) {
        values.remove(HASH);
        values.remove(EXPIRES_AT);
    }
}
