package org.ssoplatform.auth.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.ClientRegistration;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator registers, lists, shows, changes and deletes clients: the secret is the platform's, long and
 * URL-safe, shown once and stored only hashed; every change is audited with who made it, never the secret.
 */
class ClientRegistryApiTests extends ManagementApiFlow {

    private final ClientRegistration clients = new ClientRegistration(http);

    private User admin;

    private String adminToken;

    @BeforeEach
    void admin() {
        admin = newUser("admin");
        adminToken = tokenFor(admin);
    }

    @Test
    void aConfidentialClientGetsAGeneratedSecretShownOnceAndStoredHashed() {
        String clientId = unique("api-");

        JsonNode created = clients.register(adminToken, ClientRegistration.service(clientId));

        String secret = created.path("client_secret").asString();
        assertThat(secret).matches("[A-Za-z0-9_-]{43,}");
        assertThat(created.path("client_id").asString()).isEqualTo(clientId);
        assertThat(created.path("type").asString()).isEqualTo("confidential");
        assertThat(created.path("grant_types").valueStream().map(JsonNode::asString)).containsExactly(
                "client_credentials");
        assertThat(created.path("require_consent").asBoolean()).isTrue();
        assertThat(created.path("access_token_ttl_seconds").asLong()).isEqualTo(900);
        assertThat(created.path("bootstrapped").asBoolean()).isFalse();
        String stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
            .param(clientId)
            .query(String.class)
            .single();
        assertThat(stored).startsWith("{sha256}").doesNotContain(secret);
        assertThat(http.get("/api/v1/clients/" + clientId, adminToken).body()).doesNotContain(secret, stored,
                "client_secret");
        assertThat(http.get("/api/v1/clients", adminToken).body()).doesNotContain(secret, stored, "client_secret");
    }

    @Test
    void twoRegistrationsGetDifferentSecrets() {
        String first = clients.register(adminToken, ClientRegistration.service(unique("api-")))
            .path("client_secret").asString();
        String second = clients.register(adminToken, ClientRegistration.service(unique("api-")))
            .path("client_secret").asString();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void withoutAClientIdThePlatformPicksOne() {
        Map<String, Object> body = ClientRegistration.service("unused");
        body.remove("client_id");

        JsonNode created = clients.register(adminToken, body);

        assertThat(created.path("client_id").asString()).matches(ClientRules.CLIENT_ID);
    }

    @Test
    void theListShowsRegisteredAndBootstrappedClients() {
        String clientId = unique("api-");
        clients.register(adminToken, ClientRegistration.browserApp(clientId, "https://app.example.com/callback"));

        JsonNode list = http.get("/api/v1/clients", adminToken).json();

        assertThat(list.valueStream().map(client -> client.path("client_id").asString())).contains(clientId,
                "gateway", "portal", "cli");
        JsonNode portal = list.valueStream()
            .filter(client -> client.path("client_id").asString().equals("portal"))
            .findFirst()
            .orElseThrow();
        assertThat(portal.path("bootstrapped").asBoolean()).isTrue();
        assertThat(portal.path("type").asString()).isEqualTo("confidential");
    }

    @Test
    void aChangeKeepsWhatItDoesNotNameAndTheSecret() {
        String clientId = unique("api-");
        Map<String, Object> body = ClientRegistration.browserApp(clientId, "https://app.example.com/callback");
        body.put("type", "confidential");
        String secret = clients.register(adminToken, body).path("client_secret").asString();

        Http.Response changed = http.patch("/api/v1/clients/" + clientId, adminToken, Map.of("name", "Renamed",
                "redirect_uris", List.of("https://app.example.com/a", "https://app.example.com/b"),
                "post_logout_redirect_uris", List.of("https://app.example.com/"), "require_consent", false,
                "access_token_ttl_seconds", 300));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode shown = http.get("/api/v1/clients/" + clientId, adminToken).json();
        assertThat(shown.path("name").asString()).isEqualTo("Renamed");
        assertThat(shown.path("redirect_uris").valueStream().map(JsonNode::asString))
            .containsExactlyInAnyOrder("https://app.example.com/a", "https://app.example.com/b");
        assertThat(shown.path("post_logout_redirect_uris").get(0).asString()).isEqualTo("https://app.example.com/");
        assertThat(shown.path("require_consent").asBoolean()).isFalse();
        assertThat(shown.path("access_token_ttl_seconds").asLong()).isEqualTo(300);
        assertThat(shown.path("scopes").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("openid",
                "profile");
        assertThat(shown.path("type").asString()).isEqualTo("confidential");
        assertThat(changed.body()).doesNotContain("client_secret");
        assertThat(http.form("/oauth2/introspect", clientId, secret, "token=unknown").status()).isEqualTo(200);
    }

    @Test
    void aDeletedClientIsGoneAndCanNoLongerAuthenticate() {
        String clientId = unique("api-");
        JsonNode created = clients.register(adminToken, ClientRegistration.service(clientId));
        String secret = created.path("client_secret").asString();
        assertThat(clients.clientCredentials(clientId, secret).status()).isEqualTo(200);

        Http.Response deleted = http.delete("/api/v1/clients/" + clientId, adminToken);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertProblem(http.get("/api/v1/clients/" + clientId, adminToken), 404, "client_not_found");
        assertThat(clients.clientCredentials(clientId, secret).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE registered_client_id = ?")
            .param(created.path("id").asString())
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void everyChangeIsAuditedWithTheAdminAndTheClientIdNeverTheSecret() {
        String clientId = unique("api-");
        String secret = clients.register(adminToken, ClientRegistration.service(clientId))
            .path("client_secret").asString();
        http.patch("/api/v1/clients/" + clientId, adminToken, Map.of("name", "Renamed"));
        String rotated = http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken,
                Map.of("grace_seconds", 60)).json().path("client_secret").asString();
        http.delete("/api/v1/clients/" + clientId, adminToken);

        JsonNode page = http.get("/api/v1/audit?target_type=client&target_id=" + clientId, adminToken).json();

        assertThat(page.path("items").valueStream().map(entry -> entry.path("action").asString()))
            .containsExactly("client.deleted", "client.secret_rotated", "client.changed", "client.registered");
        assertThat(page.path("items").valueStream().map(entry -> entry.path("actor_user_id").asLong()))
            .containsOnly(admin.id());
        assertThat(page.path("items").get(3).path("details").path("grant_types").get(0).asString())
            .isEqualTo("client_credentials");
        assertThat(page.toString()).doesNotContain(secret, rotated, "{sha256}");
    }
}
