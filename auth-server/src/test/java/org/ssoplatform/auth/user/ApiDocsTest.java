package org.ssoplatform.auth.user;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and Swagger UI are public and describe the wire format as it is: snake_case. */
class ApiDocsTest extends ManagementApiTest {

    @Test
    void theOpenApiDocumentIsPublicAndSpeaksSnakeCase() {
        Http.Response response = http.get("/v3/api-docs", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.path("paths").has("/api/v1/api-keys/{keyId}/rotate")).isTrue();
        assertThat(doc.path("paths").has("/oauth2/token")).isFalse();
        JsonNode newKey = doc.path("components").path("schemas").path("NewApiKey").path("properties");
        assertThat(newKey.propertyNames()).contains("expires_at", "role_ids", "permission_ids")
            .doesNotContain("expiresAt");
        assertThat(doc.path("components").path("schemas").path("ApiKeyView").path("properties").propertyNames())
            .contains("key_prefix", "key_last_chars", "is_active").doesNotContain("key_hash");
        assertThat(doc.path("paths").path("/api/v1/users/me").path("get").path("parameters").size()).isZero();
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(response.body()).contains("cascade=true");
    }

    @Test
    void swaggerUiIsServedAtDocs() {
        Http.Response docs = http.get("/docs", null);

        assertThat(docs.status()).isEqualTo(302);
        String location = docs.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/swagger-ui/index.html");
        Http.Response ui = http.get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
