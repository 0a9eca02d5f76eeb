package org.ssoplatform.auth.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Talks to the token endpoint the way a client library would; errors come back as entities. */
public final class OAuthClient {

    public static final String GATEWAY_SECRET = "585bad91a24bf0b47313210e494c7e74c2791241d72aa07a57a889a56bcb0503";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;

    public OAuthClient(String base) {
        this.http = RestClient.builder()
            .baseUrl(base)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            })
            .build();
    }

    public ResponseEntity<Map<String, Object>> token(String clientId, String secret, Map<String, String> parameters) {
        return post("/oauth2/token", clientId, secret, parameters);
    }

    /** RFC 8628 section 3.1: a device (the CLI) asks for a device code and a user code, as a public client. */
    public ResponseEntity<Map<String, Object>> deviceAuthorization(Map<String, String> parameters) {
        return post("/oauth2/device_authorization", null, null, parameters);
    }

    /** RFC 7662: what the server says about {@code token}, asked by the client {@code clientId}. */
    public ResponseEntity<Map<String, Object>> introspect(String clientId, String secret, String token) {
        return post("/oauth2/introspect", clientId, secret, Map.of("token", token));
    }

    /** RFC 7009: the client {@code clientId} revokes {@code token}. */
    public ResponseEntity<Map<String, Object>> revoke(String clientId, String secret, String token) {
        return post("/oauth2/revoke", clientId, secret, Map.of("token", token));
    }

    /** OIDC UserInfo, as a relying party calls it; {@code accessToken} may be null. */
    public ResponseEntity<Map<String, Object>> userInfo(String accessToken) {
        return http.get()
            .uri("/userinfo")
            .accept(MediaType.APPLICATION_JSON)
            .headers(h -> {
                if (accessToken != null) {
                    h.setBearerAuth(accessToken);
                }
            })
            .retrieve()
            .toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String path, String clientId, String secret,
            Map<String, String> parameters) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        parameters.forEach(form::add);
        return http.post()
            .uri(path)
            .headers(h -> {
                if (secret != null) {
                    h.setBasicAuth(clientId, secret);
                }
            })
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(form)
            .retrieve()
            .toEntity(JSON);
    }

    public String clientCredentialsToken() {
        return (String) token("gateway", GATEWAY_SECRET, Map.of("grant_type", "client_credentials")).getBody()
            .get("access_token");
    }

    public static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
