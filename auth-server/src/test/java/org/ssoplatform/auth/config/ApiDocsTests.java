package org.ssoplatform.auth.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document, Swagger UI and ReDoc are public, describe the wire format as it is (snake_case),
 * name the gateway as their server, list each operation once with a description, and let Swagger UI
 * sign in with the public client {@code swagger} (code + PKCE) whose token request may come from the
 * gateway's origin.
 */
class ApiDocsTests extends ManagementApiFlow {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final HttpClient CLIENT = HttpClient.newHttpClient(); // follows no redirects

    @Value("${platform.gateway.url}")
    String gateway;

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
    void aKeysRateLimitIsDocumentedWhereItIsSetAndShown() {
        JsonNode schemas = http.get("/v3/api-docs", null).json().path("components").path("schemas");

        for (String schema : List.of("NewApiKey", "ApiKeyPatch", "ApiKeyView")) {
            assertThat(schemas.path(schema).path("properties").path("rate_limit").toString()).as(schema)
                .contains("KeyRateLimit");
        }
        assertThat(schemas.path("KeyRateLimit").path("properties").propertyNames())
            .containsExactlyInAnyOrder("capacity", "replenish_per_second");
    }

    @Test
    void theDocumentsServerIsTheGatewayNotAuthServer() {
        JsonNode servers = http.get("/v3/api-docs", null).json().path("servers");

        assertThat(servers.size()).isEqualTo(1);
        assertThat(servers.get(0).path("url").asString()).isEqualTo(gateway).doesNotContain(String.valueOf(PORT));
    }

    @Test
    void eachOperationIsListedOnceAtTheSeedsPath() {
        JsonNode paths = http.get("/v3/api-docs", null).json().path("paths");
        List<String> names = new ArrayList<>(paths.propertyNames());

        assertThat(names).contains("/api/v1/users/", "/api/v1/roles/", "/api/v1/roles/permissions/", "/api/v1/api-keys/",
                "/api/v1/audit/", "/api/v1/clients/", "/api/v1/clients/{clientId}/secret/rotate");
        for (String path : names) {
            assertThat(names).as("documented both with and without a trailing slash").doesNotContain(path + "/");
        }
        List<String> operationIds = new ArrayList<>();
        forEachOperation(paths, (where, operation) -> operationIds.add(operation.path("operationId").asString()));
        assertThat(operationIds).doesNotHaveDuplicates();
    }

    @Test
    void everyOperationIsDescribedIncludingSignIn() {
        JsonNode paths = http.get("/v3/api-docs", null).json().path("paths");
        List<String> undescribed = new ArrayList<>();

        forEachOperation(paths, (where, operation) -> {
            if (operation.path("summary").asString("").isBlank()) {
                undescribed.add(where);
            }
        });

        assertThat(undescribed).isEmpty();
        JsonNode start = paths.path("/api/v1/auth/{provider}/login").path("get");
        assertThat(start.path("description").asString()).contains("authorization_url");
        assertThat(start.path("security").isArray()).isTrue();
        assertThat(start.path("security").size()).as("public: no credential needed").isZero();
        assertThat(paths.path("/api/v1/auth/{provider}/callback").path("get").path("description").asString())
            .contains("access_token", "expires_in");
    }

    @Test
    void authorizeSignsInWithAuthorizationCodeAndPkceAtTheIssuer() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        JsonNode flow = doc.path("components").path("securitySchemes").path("oauth").path("flows").path("authorizationCode");

        assertThat(flow.path("authorizationUrl").asString()).isEqualTo(BASE + "/oauth2/authorize");
        assertThat(flow.path("tokenUrl").asString()).isEqualTo(BASE + "/oauth2/token");
        assertThat(flow.path("scopes").propertyNames()).contains("openid", "profile", "email");
        assertThat(doc.path("security").toString()).contains("oauth").contains("bearer");

        JsonNode config = http.get("/v3/api-docs/swagger-config", null).json();
        assertThat(config.path("oauth2RedirectUrl").asString()).isEqualTo(gateway + "/swagger-ui/oauth2-redirect.html");
        String initializer = http.get("/swagger-ui/swagger-initializer.js", null).body().replaceAll("\\s", "");
        assertThat(initializer).contains("initOAuth").contains("\"clientId\":\"swagger\"")
            .contains("\"usePkceWithAuthorizationCodeGrant\":true").doesNotContain("clientSecret");
    }

    @Test
    void theSwaggerClientIsPublicWithPkceAndOnlySwaggerUisRedirect() throws Exception {
        String pkce = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        String redirect = gateway + "/swagger-ui/oauth2-redirect.html";

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(BASE
                + "/oauth2/authorize?response_type=code&client_id=swagger&scope=openid&state=s&redirect_uri=" + redirect + pkce))
            .header("Accept", "text/html"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).isEqualTo(BASE + "/login");

        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(URI.create(BASE
                + "/oauth2/authorize?response_type=code&client_id=swagger&scope=openid&state=s"
                + "&redirect_uri=http://evil.test/swagger-ui/oauth2-redirect.html" + pkce)).header("Accept", "text/html"));
        assertThat(elsewhere.statusCode()).isEqualTo(400);

        HttpResponse<String> withoutPkce = send(HttpRequest.newBuilder(URI.create(BASE
                + "/oauth2/authorize?response_type=code&client_id=swagger&scope=openid&state=s&redirect_uri=" + redirect))
            .header("Accept", "text/html"));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).startsWith(redirect)
            .contains("error=invalid_request");
    }

    @Test
    void theTokenEndpointAnswersCorsOnlyForTheGatewaysOrigin() throws Exception {
        String origin = URI.create(gateway).getScheme() + "://" + URI.create(gateway).getRawAuthority();

        HttpResponse<String> preflight = send(preflight(origin));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> foreign = send(preflight("http://evil.test"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/users/me"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET"));
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).as("only the token endpoints").isEmpty();
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
        assertThat(http.get("/swagger-ui/oauth2-redirect.html", null).status()).isEqualTo(200);
    }

    @Test
    void reDocIsServedAtRedocFromTheJar() {
        Http.Response page = http.get("/redoc", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("spec-url=\"/v3/api-docs\"").contains("/webjars/redoc/bundles/redoc.standalone.js");
        Http.Response script = http.get("/webjars/redoc/bundles/redoc.standalone.js", null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("Redoc");
    }

    private static HttpRequest.Builder preflight(String origin) {
        return HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void forEachOperation(JsonNode paths, java.util.function.BiConsumer<String, JsonNode> action) {
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    action.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }
}
