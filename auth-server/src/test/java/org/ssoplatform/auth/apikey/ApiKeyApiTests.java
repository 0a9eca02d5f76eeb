package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/api-keys/}: the secret shown once, and grants bounded by what the owner holds. */
class ApiKeyApiTests extends ManagementApiFlow {

    @Autowired
    ApiKeyRepository keys;

    @Test
    void creationAnswersTheSecretOnceAndStoresOnlyItsHash() {
        String token = tokenFor(newUser("user", "viewer"));
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode created = createKey(token, Map.of("name", "ci", "description", "CI job", "expires_at",
                expiry.toString(), "role_ids", List.of(roleId("viewer"))));

        String secret = created.path("key").asString();
        assertThat(ApiKeyFormat.isWellFormed(secret)).isTrue();
        assertThat(created.path("key_prefix").asString()).isEqualTo(ApiKeyFormat.displayPrefix(secret));
        assertThat(created.path("key_last_chars").asString()).isEqualTo(ApiKeyFormat.lastChars(secret));
        assertThat(created.path("is_active").asBoolean()).isTrue();
        assertThat(Instant.parse(created.path("expires_at").asString())).isEqualTo(expiry);
        assertThat(created.path("roles").get(0).path("name").asString()).isEqualTo("viewer");
        ApiKey stored = keys.findById(created.path("id").asLong()).orElseThrow();
        assertThat(stored.keyHash()).isEqualTo(ApiKeyFormat.hash(secret));
        Http.Response read = http.get("/api/v1/api-keys/" + stored.id(), token);
        Http.Response listed = http.get("/api/v1/api-keys", token);
        for (Http.Response later : List.of(read, listed)) {
            assertThat(later.body()).doesNotContain(secret, HexFormat.of().formatHex(stored.keyHash()), "\"key\"",
                    "hash");
        }
        assertThat(read.json().path("name").asString()).isEqualTo("ci");
        assertThat(read.json().has("last_used_at")).isTrue();
    }

    @Test
    void aKeysTokenCarriesItsRolesPermissionsPlusItsDirectOnes() {
        User owner = newUser("user", "viewer");
        String secret = createKey(tokenFor(owner), Map.of("name", "k", "role_ids", List.of(roleId("viewer")),
                "permission_ids", List.of(permissionId("posts:write")))).path("key").asString();

        String payload = apiKeyToken(secret).split("\\.")[1];
        JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(payload));

        assertThat(strings(claims.path("roles"))).containsExactly("viewer");
        assertThat(strings(claims.path("permissions"))).containsExactly("posts:read", "posts:write", "users:read");
        assertThat(claims.path("sub").asString()).isEqualTo(owner.id().toString());
    }

    @Test
    void aKeyCannotBeGrantedWhatItsOwnerLacksAndNothingIsStored() {
        User owner = newUser("viewer");
        String token = tokenFor(owner);

        for (Map<String, ?> body : List.<Map<String, ?>>of(Map.of("name", "k", "role_ids", List.of(roleId("admin"))),
                Map.of("name", "k", "permission_ids", List.of(permissionId("posts:write"))))) {
            assertProblem(http.post("/api/v1/api-keys/", token, body), 403, "grant_not_held");
        }
        assertThat(keys.findByUserIdOrderById(owner.id())).isEmpty();
    }

    @Test
    void anAdminMayGrantAnything() {
        JsonNode created = createKey(tokenFor(newUser("admin")), Map.of("name", "k", "role_ids",
                List.of(roleId("viewer")), "permission_ids", List.of(permissionId("analytics:read"))));

        assertThat(created.path("permissions").get(0).path("name").asString()).isEqualTo("analytics:read");
    }

    @Test
    void unknownIdsInTheBodyAreABadRequest() {
        String token = tokenFor(newUser("admin"));

        assertProblem(http.post("/api/v1/api-keys/", token, Map.of("name", "k", "role_ids", List.of(UNKNOWN_ID))), 400,
                "unknown_role");
        assertProblem(http.post("/api/v1/api-keys/", token, Map.of("name", "k", "permission_ids",
                List.of(UNKNOWN_ID))), 400, "unknown_permission");
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
