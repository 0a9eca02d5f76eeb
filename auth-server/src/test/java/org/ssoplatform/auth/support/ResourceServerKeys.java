package org.ssoplatform.auth.support;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** The key ids a resource server sees in the published JWKS. */
public final class ResourceServerKeys {

    private ResourceServerKeys() {
    }

    public static List<String> kids(String base) {
        Map<String, List<Map<String, Object>>> jwks = RestClient.create(base).get().uri("/oauth2/jwks").retrieve()
            .body(new ParameterizedTypeReference<>() {
            });
        return jwks.get("keys").stream().map(k -> (String) k.get("kid")).toList();
    }

    public static String currentKid(String base) {
        return kid(new OAuthClient(base).clientCredentialsToken());
    }

    public static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
