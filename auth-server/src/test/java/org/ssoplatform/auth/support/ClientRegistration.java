package org.ssoplatform.auth.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies and calls of the OAuth client registry ({@code /api/v1/clients}), as an administrator sends them. */
public final class ClientRegistration {

    private final Http http;

    public ClientRegistration(Http http) {
        this.http = http;
    }

    /** A confidential service client: client credentials only. */
    public static Map<String, Object> service(String clientId) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_id", clientId);
        body.put("name", "Service " + clientId);
        body.put("type", "confidential");
        body.put("grant_types", List.of("client_credentials"));
        body.put("scopes", List.of("reports.read"));
        return body;
    }

    /** A public browser application: authorization code with PKCE, refresh tokens, one redirect. */
    public static Map<String, Object> browserApp(String clientId, String redirectUri) {
        Map<String, Object> body = new HashMap<>();
        body.put("client_id", clientId);
        body.put("name", "App " + clientId);
        body.put("type", "public");
        body.put("grant_types", List.of("authorization_code", "refresh_token"));
        body.put("scopes", List.of("openid", "profile"));
        body.put("redirect_uris", List.of(redirectUri));
        return body;
    }

    /** Registers {@code body} as {@code adminToken}'s owner and answers the created client, secret included. */
    public JsonNode register(String adminToken, Map<String, Object> body) {
        Http.Response response = http.post("/api/v1/clients", adminToken, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    /** The client-credentials grant at the token endpoint, with HTTP Basic client authentication. */
    public Http.Response clientCredentials(String clientId, String secret) {
        return http.form("/oauth2/token", clientId, secret, "grant_type=client_credentials");
    }
}
