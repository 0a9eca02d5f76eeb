package org.ssoplatform.auth.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.ClientRegistration;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client may be registered as: redirect URIs a browser can safely be sent to, grant types the platform
 * offers in combinations that make sense, and lifetimes within the platform's bounds. Every refusal is a 400
 * problem naming the field, and registers nothing.
 */
class ClientRegistrationRulesTests extends ManagementApiFlow {

    private final ClientRegistration clients = new ClientRegistration(http);

    private String adminToken;

    @BeforeEach
    void admin() {
        adminToken = tokenFor(newUser("admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://*.example.com/callback", "https://app.example.com/*",
            "https://app.example.com/callback#done", "https://app.example.com/callback#",
            "http://app.example.com/callback", "http://127.0.0.1.attacker.example/callback",
            "http://localhost.attacker.example/callback", "http://10.0.0.1/callback", "/callback",
            "app.example.com/callback", "javascript:alert(1)", "ftp://app.example.com/callback",
            "https://user:password@app.example.com/callback", "https://app.example.com/call back",
            "custom.scheme:/callback" })
    void unsafeRedirectUrisAreRefused(String uri) {
        String clientId = unique("rule-");

        assertRefused(http.post("/api/v1/clients", adminToken, ClientRegistration.browserApp(clientId, uri)),
                "redirect_uris");
        assertNotRegistered(clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://*.example.com/", "https://app.example.com/bye#now",
            "http://app.example.com/bye" })
    void unsafePostLogoutRedirectUrisAreRefused(String uri) {
        String clientId = unique("rule-");
        Map<String, Object> body = ClientRegistration.browserApp(clientId, "https://app.example.com/callback");
        body.put("post_logout_redirect_uris", List.of(uri));

        assertRefused(http.post("/api/v1/clients", adminToken, body), "post_logout_redirect_uris");
        assertNotRegistered(clientId);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://app.example.com/callback", "http://127.0.0.1:8765/callback",
            "http://[::1]:8765/callback", "http://localhost:3000/callback", "https://localhost/callback" })
    void httpsAndLoopbackRedirectUrisAreKeptExactly(String uri) {
        String clientId = unique("rule-");

        JsonNode client = clients.register(adminToken, ClientRegistration.browserApp(clientId, uri));

        assertThat(client.path("redirect_uris").get(0).asString()).isEqualTo(uri);
        assertThat(client.has("client_secret")).isFalse();
        assertThat(http.get("/api/v1/clients/" + clientId, adminToken).json().path("redirect_uris").get(0).asString())
            .isEqualTo(uri);
    }

    @Test
    void changesFollowTheSameRedirectRules() {
        String clientId = unique("rule-");
        clients.register(adminToken, ClientRegistration.browserApp(clientId, "https://app.example.com/callback"));

        assertRefused(http.patch("/api/v1/clients/" + clientId, adminToken,
                Map.of("redirect_uris", List.of("https://app.example.com/*"))), "redirect_uris");
        assertRefused(http.patch("/api/v1/clients/" + clientId, adminToken,
                Map.of("post_logout_redirect_uris", List.of("http://app.example.com/"))), "post_logout_redirect_uris");

        assertThat(http.get("/api/v1/clients/" + clientId, adminToken).json().path("redirect_uris").get(0).asString())
            .isEqualTo("https://app.example.com/callback");
    }

    @Test
    void grantTypesMustBeOfferedAndMakeSense() {
        Map<String, Object> unknownGrant = ClientRegistration.service(unique("rule-"));
        unknownGrant.put("grant_types", List.of("password"));
        Map<String, Object> tokenExchange = ClientRegistration.service(unique("rule-"));
        tokenExchange.put("grant_types", List.of("urn:ietf:params:oauth:grant-type:token-exchange"));
        Map<String, Object> publicMachine = ClientRegistration.service(unique("rule-"));
        publicMachine.put("type", "public");
        Map<String, Object> refreshAlone = ClientRegistration.service(unique("rule-"));
        refreshAlone.put("grant_types", List.of("client_credentials", "refresh_token"));
        Map<String, Object> codeWithoutRedirect = ClientRegistration.browserApp(unique("rule-"), "https://a.example/");
        codeWithoutRedirect.remove("redirect_uris");
        Map<String, Object> redirectWithoutCode = ClientRegistration.service(unique("rule-"));
        redirectWithoutCode.put("redirect_uris", List.of("https://app.example.com/callback"));
        Map<String, Object> noGrant = ClientRegistration.service(unique("rule-"));
        noGrant.put("grant_types", List.of());

        assertRefused(http.post("/api/v1/clients", adminToken, unknownGrant), "grant_types");
        assertRefused(http.post("/api/v1/clients", adminToken, tokenExchange), "grant_types");
        assertRefused(http.post("/api/v1/clients", adminToken, publicMachine), "grant_types");
        assertRefused(http.post("/api/v1/clients", adminToken, refreshAlone), "grant_types");
        assertRefused(http.post("/api/v1/clients", adminToken, codeWithoutRedirect), "redirect_uris");
        assertRefused(http.post("/api/v1/clients", adminToken, redirectWithoutCode), "redirect_uris");
        assertRefused(http.post("/api/v1/clients", adminToken, noGrant), "grant_types");
    }

    @Test
    void aDeviceClientMayBePublicWithRefreshTokens() {
        Map<String, Object> device = ClientRegistration.service(unique("rule-"));
        device.put("type", "public");
        device.put("grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"));

        JsonNode client = clients.register(adminToken, device);

        assertThat(client.path("type").asString()).isEqualTo("public");
        assertThat(client.has("client_secret")).isFalse();
    }

    @Test
    void tokenLifetimesMustLieWithinThePlatformsBounds() {
        Map<String, Object> tooLong = ClientRegistration.service(unique("rule-"));
        tooLong.put("access_token_ttl_seconds", 24 * 3600);
        Map<String, Object> tooShort = ClientRegistration.service(unique("rule-"));
        tooShort.put("access_token_ttl_seconds", 5);
        Map<String, Object> refreshTooLong = ClientRegistration.browserApp(unique("rule-"), "https://a.example/");
        refreshTooLong.put("refresh_token_ttl_seconds", 365L * 24 * 3600);
        Map<String, Object> negative = ClientRegistration.service(unique("rule-"));
        negative.put("access_token_ttl_seconds", -60);

        assertRefused(http.post("/api/v1/clients", adminToken, tooLong), "access_token_ttl_seconds");
        assertRefused(http.post("/api/v1/clients", adminToken, tooShort), "access_token_ttl_seconds");
        assertRefused(http.post("/api/v1/clients", adminToken, refreshTooLong), "refresh_token_ttl_seconds");
        assertRefused(http.post("/api/v1/clients", adminToken, negative), "access_token_ttl_seconds");

        Map<String, Object> within = ClientRegistration.service(unique("rule-"));
        within.put("access_token_ttl_seconds", 600);
        assertThat(clients.register(adminToken, within).path("access_token_ttl_seconds").asLong()).isEqualTo(600);
    }

    @Test
    void malformedFieldsNameTheField() {
        Map<String, Object> badId = ClientRegistration.service("Not An Id!");
        Map<String, Object> noName = ClientRegistration.service(unique("rule-"));
        noName.remove("name");
        Map<String, Object> badType = ClientRegistration.service(unique("rule-"));
        badType.put("type", "secret");
        Map<String, Object> badScope = ClientRegistration.service(unique("rule-"));
        badScope.put("scopes", List.of("read write"));
        Map<String, Object> wrongJsonType = ClientRegistration.service(unique("rule-"));
        wrongJsonType.put("redirect_uris", "https://app.example.com/callback");
        Map<String, Object> stringTtl = ClientRegistration.service(unique("rule-"));
        stringTtl.put("access_token_ttl_seconds", "600");

        assertRefused(http.post("/api/v1/clients", adminToken, badId), "client_id");
        assertRefused(http.post("/api/v1/clients", adminToken, noName), "name");
        assertRefused(http.post("/api/v1/clients", adminToken, badType), "type");
        assertRefused(http.post("/api/v1/clients", adminToken, badScope), "scopes");
        assertRefused(http.post("/api/v1/clients", adminToken, wrongJsonType), "redirect_uris");
        assertRefused(http.post("/api/v1/clients", adminToken, stringTtl), "access_token_ttl_seconds");
        assertProblem(http.send("POST", "/api/v1/clients", adminToken, "application/json",
                "{\"name\":".getBytes()), 400, null);
    }

    @Test
    void graceMustLieWithinThePlatformsBound() {
        String clientId = unique("rule-");
        clients.register(adminToken, ClientRegistration.service(clientId));

        assertRefused(http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken,
                Map.of("grace_seconds", 7 * 24 * 3600)), "grace_seconds");
        assertRefused(http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken,
                Map.of("grace_seconds", -1)), "grace_seconds");
    }

    @Test
    void unknownClientsAre404AndPublicClientsHaveNoSecretToRotate() {
        String clientId = unique("rule-");
        clients.register(adminToken, ClientRegistration.browserApp(clientId, "https://app.example.com/callback"));

        assertProblem(http.get("/api/v1/clients/" + unique("none-"), adminToken), 404, "client_not_found");
        assertProblem(http.patch("/api/v1/clients/" + unique("none-"), adminToken, Map.of("name", "x")), 404,
                "client_not_found");
        assertProblem(http.delete("/api/v1/clients/" + unique("none-"), adminToken), 404, "client_not_found");
        assertProblem(http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken, null), 409,
                "public_client");
    }

    private static void assertRefused(Http.Response response, String field) {
        assertProblem(response, 400, null);
        JsonNode errors = response.json().path("errors");
        assertThat(errors.isArray()).as(response.body()).isTrue();
        assertThat(errors.valueStream().map(error -> error.path("field").asString()))
            .as(response.body())
            .anySatisfy(name -> assertThat(name).startsWith(field));
    }

    private void assertNotRegistered(String clientId) {
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_registered_client WHERE client_id = ?")
            .param(clientId)
            .query(Long.class)
            .single()).isZero();
    }
}
