package org.ssoplatform.auth.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ssoplatform.auth.support.ClientRegistration;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may manage OAuth clients: an administrator with a person's own token. Anybody else, and an administrator's
 * API key, gets a problem and changes nothing; clients bootstrapped from configuration stay as configured.
 */
class ClientRegistryAccessTests extends ManagementApiFlow {

    private final ClientRegistration clients = new ClientRegistration(http);

    private String adminToken;

    private String clientId;

    @BeforeEach
    void aRegisteredClient() {
        adminToken = tokenFor(newUser("admin"));
        clientId = unique("svc-");
        clients.register(adminToken, ClientRegistration.service(clientId));
    }

    @Test
    void aUserWithoutTheAdminRoleCanNeitherReadNorChangeClients() {
        String userToken = tokenFor(newUser("user"));

        for (Http.Response response : everyCall(userToken, unique("new-"))) {
            assertProblem(response, 403, null);
        }
        assertUnchanged();
    }

    @Test
    void anAdminsApiKeyIsRefusedWithUserTokenRequired() {
        User admin = newUser("admin");
        String adminKeyToken = apiKeyToken(createKey(tokenFor(admin), Map.of("name", "automation", "role_ids",
                List.of(roleId("admin")))).path("key").asString());

        for (Http.Response response : everyCall(adminKeyToken, unique("new-"))) {
            assertProblem(response, 403, "user_token_required");
        }
        assertUnchanged();
    }

    @Test
    void withoutATokenEveryCallIs401() {
        for (Http.Response response : everyCall(null, unique("new-"))) {
            assertProblem(response, 401, null);
        }
    }

    @Test
    void aClientsOwnTokenCannotManageClients() {
        String gatewayToken = new OAuthClient(BASE)
            .token("gateway", OAuthClient.GATEWAY_SECRET, Map.of("grant_type", "client_credentials"))
            .getBody()
            .get("access_token")
            .toString();

        for (Http.Response response : everyCall(gatewayToken, unique("new-"))) {
            assertThat(response.status()).as(response.body()).isIn(401, 403);
        }
        assertUnchanged();
    }

    @Test
    void bootstrappedClientsAreReadOnly() {
        assertThat(http.get("/api/v1/clients/portal", adminToken).json().path("bootstrapped").asBoolean()).isTrue();
        String before = registeredRow("portal");

        assertProblem(http.patch("/api/v1/clients/portal", adminToken,
                Map.of("redirect_uris", List.of("https://attacker.example/callback"))), 409, "client_read_only");
        assertProblem(http.post("/api/v1/clients/gateway/secret/rotate", adminToken, Map.of("grace_seconds", 0)), 409,
                "client_read_only");
        assertProblem(http.delete("/api/v1/clients/cli", adminToken), 409, "client_read_only");
        assertProblem(http.post("/api/v1/clients", adminToken, ClientRegistration.service("gateway")), 409,
                "client_id_taken");

        assertThat(registeredRow("portal")).isEqualTo(before);
        assertThat(clients.clientCredentials("gateway", OAuthClient.GATEWAY_SECRET).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/clients/cli", adminToken).status()).isEqualTo(200);
    }

    private List<Http.Response> everyCall(String token, String newClientId) {
        return List.of(http.get("/api/v1/clients", token), http.get("/api/v1/clients/" + clientId, token),
                http.post("/api/v1/clients", token, ClientRegistration.service(newClientId)),
                http.patch("/api/v1/clients/" + clientId, token, Map.of("name", "renamed")),
                http.post("/api/v1/clients/" + clientId + "/secret/rotate", token, Map.of("grace_seconds", 0)),
                http.delete("/api/v1/clients/" + clientId, token));
    }

    private void assertUnchanged() {
        Http.Response shown = http.get("/api/v1/clients/" + clientId, adminToken);
        assertThat(shown.json().path("name").asString()).isEqualTo("Service " + clientId);
        assertThat(shown.json().path("previous_secret_expires_at").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_registered_client WHERE client_id LIKE 'new-%'")
            .query(Long.class)
            .single()).isZero();
    }

    private String registeredRow(String id) {
        return jdbc.sql("SELECT CAST(row_to_json(c) AS text) FROM oauth2_registered_client c WHERE client_id = ?")
            .param(id)
            .query(String.class)
            .single();
    }
}
