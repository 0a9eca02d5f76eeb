package org.ssoplatform.auth.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.ChannelMessage;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * Registers, changes and deletes OAuth clients in the authorization server's own tables, audited, and tells
 * every instance to drop its cached copies once the change commits. Clients bootstrapped from configuration are
 * read-only here: the next start would overwrite a change anyway.
 */
@Service
class ClientRegistry {

    /** 256 bits, the strength the secret hash is chosen for (ClientSecretEncoder). */
    private static final int SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegisteredClientRepository clients;

    private final JdbcClient jdbc;

    private final PasswordEncoder encoder;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final ClientProperties bootstrapped;

    private final ClientRegistryProperties bounds;

    private final AuthServerProperties platform;

    private final String invalidations;

    private final Clock clock = Clock.systemUTC();

    ClientRegistry(RegisteredClientRepository clients, JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit,
            ApplicationEventPublisher events, ClientProperties bootstrapped, ClientRegistryProperties bounds,
            AuthServerProperties platform, RedisNamespace namespace) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        this.bootstrapped = bootstrapped;
        this.bounds = bounds;
        this.platform = platform;
        this.invalidations = ClientCacheEviction.channel(namespace);
    }

    @Transactional
    public ClientView register(Actor actor, NewClient request) {
        String clientId = request.clientId() != null ? request.clientId() : "app-" + UUID.randomUUID();
        if (clients.findByClientId(clientId) != null) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "client_id_taken", "A client with this client_id exists.");
        }
        ClientSpec spec = new ClientSpec(request.name().strip(), request.confidential(), request.grantTypes(),
                orNone(request.scopes()), orNone(request.redirectUris()), orNone(request.postLogoutRedirectUris()),
                request.accessTokenTtlSeconds() != null ? Duration.ofSeconds(request.accessTokenTtlSeconds())
                        : platform.accessTokenTtl(),
                request.refreshTokenTtlSeconds() != null ? Duration.ofSeconds(request.refreshTokenTtlSeconds())
                        : platform.refreshTokenTtl(),
                request.requireConsent() == null || request.requireConsent());
        ClientRules.check(spec, bounds);
        String secret = spec.confidential() ? newSecret() : null;
        RegisteredClient.Builder base = RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(clientId)
            .clientIdIssuedAt(clock.instant());
        if (secret != null) {
            base.clientSecret(encoder.encode(secret));
        }
        RegisteredClient client = spec.applyTo(base, ClientSettings.builder());
        clients.save(client);
        audit.record(actor, "client.registered", "client", clientId, describe(spec));
        announce(clientId);
        return view(client).withSecret(secret);
    }

    @Transactional(readOnly = true)
    public List<ClientView> list() {
        List<String> ids = jdbc.sql("SELECT client_id FROM oauth2_registered_client ORDER BY client_id")
            .query(String.class)
            .list();
        List<ClientView> views = new ArrayList<>();
        for (String id : ids) {
            RegisteredClient client = clients.findByClientId(id);
            if (client != null) {
                views.add(view(client));
            }
        }
        return views;
    }

    @Transactional(readOnly = true)
    public ClientView find(String clientId) {
        return view(existing(clientId));
    }

    @Transactional
    public ClientView change(Actor actor, String clientId, ClientPatch patch) {
        RegisteredClient current = modifiable(clientId);
        ClientSpec spec = ClientSpec.of(current).with(patch);
        ClientRules.check(spec, bounds);
        RegisteredClient changed = spec.applyTo(RegisteredClient.from(current),
                ClientSettings.withSettings(current.getClientSettings().getSettings()));
        clients.save(changed);
        audit.record(actor, "client.changed", "client", clientId, describe(spec));
        announce(clientId);
        return view(changed);
    }

    @Transactional
    public void delete(Actor actor, String clientId) {
        RegisteredClient client = modifiable(clientId);
        // Its refresh tokens and consents go with it; its access tokens expire on their own.
        jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?").param(client.getId()).update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?")
            .param(client.getId())
            .update();
        jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(client.getId()).update();
        audit.record(actor, "client.deleted", "client", clientId, Map.of("name", client.getClientName()));
        announce(clientId);
    }

    /**
     * A new secret; the current one keeps working for the grace period, a secret rotated out before stops at once.
     *
     * @param graceSeconds from 0 to the configured grace; {@code null} for the configured one
     */
    @Transactional
    public ClientView rotateSecret(Actor actor, String clientId, Long graceSeconds) {
        Duration grace = grace(graceSeconds);
        RegisteredClient current = modifiable(clientId);
        if (current.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "public_client", "A public client has no secret to rotate.");
        }
        String secret = newSecret();
        ClientSettings.Builder settings = ClientSettings.withSettings(current.getClientSettings().getSettings());
        Instant graceEnds = clock.instant().plus(grace);
        if (grace.isZero()) {
            PreviousSecret.forget(settings);
        }
        else {
            PreviousSecret.keep(settings, current.getClientSecret(), graceEnds);
        }
        RegisteredClient rotated = RegisteredClient.from(current)
            .clientSecret(encoder.encode(secret))
            .clientSettings(settings.build())
            .build();
        clients.save(rotated);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("grace_seconds", grace.toSeconds());
        details.put("previous_secret_expires_at", grace.isZero() ? null : graceEnds.toString());
        audit.record(actor, "client.secret_rotated", "client", clientId, details);
        announce(clientId);
        return view(rotated).withSecret(secret);
    }

    private Duration grace(Long graceSeconds) {
        Duration most = bounds.rotationGrace();
        if (graceSeconds == null) {
            return most;
        }
        if (graceSeconds < 0 || graceSeconds > most.toSeconds()) {
            throw ApiProblem.invalidField("grace_seconds", "must be between 0 and " + most.toSeconds());
        }
        return Duration.ofSeconds(graceSeconds);
    }

    private RegisteredClient existing(String clientId) {
        // The framework's repository refuses a blank id outright: no client has one.
        RegisteredClient client = clientId.isBlank() ? null : clients.findByClientId(clientId);
        if (client == null) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "client_not_found", "No client with this client_id.");
        }
        return client;
    }

    private RegisteredClient modifiable(String clientId) {
        RegisteredClient client = existing(clientId);
        if (isBootstrapped(clientId)) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "client_read_only",
                    "This client is registered from the platform's configuration (platform.clients." + clientId
                            + "); change it there.");
        }
        return client;
    }

    private boolean isBootstrapped(String clientId) {
        return bootstrapped.clients().containsKey(clientId);
    }

    /** Every instance, this one included, drops its cached copy once the change commits. */
    private void announce(String clientId) {
        events.publishEvent(new ChannelMessage(invalidations,
                Map.of("client_id", clientId, "published_at", clock.millis())));
    }

    private ClientView view(RegisteredClient client) {
        ClientSpec spec = ClientSpec.of(client);
        return new ClientView(client.getId(), client.getClientId(), spec.name(),
                spec.confidential() ? "confidential" : "public", List.copyOf(spec.grantTypes()),
                List.copyOf(spec.scopes()), List.copyOf(spec.redirectUris()),
                List.copyOf(spec.postLogoutRedirectUris()),
                spec.accessTokenTtl().toSeconds(), spec.refreshTokenTtl().toSeconds(), spec.requireConsent(),
                isBootstrapped(client.getClientId()), client.getClientIdIssuedAt(),
                PreviousSecret.expiresAt(client).filter(clock.instant()::isBefore).orElse(null), null);
    }

    private static Map<String, Object> describe(ClientSpec spec) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", spec.name());
        details.put("type", spec.confidential() ? "confidential" : "public");
        details.put("grant_types", List.copyOf(spec.grantTypes()));
        details.put("scopes", List.copyOf(spec.scopes()));
        details.put("redirect_uris", List.copyOf(spec.redirectUris()));
        details.put("require_consent", spec.requireConsent());
        return details;
    }

    private static Set<String> orNone(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    private static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
