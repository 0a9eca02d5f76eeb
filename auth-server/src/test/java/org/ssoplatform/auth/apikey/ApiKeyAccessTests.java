package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/api-keys}: who sees, changes and revokes which key, and what each change does. */
class ApiKeyAccessTests extends ManagementApiFlow {

    @Autowired
    ApiKeyRepository keys;

    @Test
    void anotherUsersKeyIsNotFoundWhateverTheOperation() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "theirs")).path("id").asLong();
        String stranger = tokenFor(newUser("user"));

        assertProblem(http.get("/api/v1/api-keys/" + key, stranger), 404, "not_found");
        assertProblem(http.delete("/api/v1/api-keys/" + key, stranger), 404, "not_found");
        assertProblem(http.patch("/api/v1/api-keys/" + key + "/deactivate", stranger, null), 404, "not_found");
        assertProblem(http.patch("/api/v1/api-keys/" + key + "/activate", stranger, null), 404, "not_found");
        assertProblem(http.post("/api/v1/api-keys/" + key + "/rotate", stranger, null), 404, "not_found");
        assertProblem(http.patch("/api/v1/api-keys/" + key, stranger, Map.of("name", "mine")), 404, "not_found");
        assertThat(keys.findById(key).orElseThrow().active()).isTrue();
    }

    @Test
    void adminsSeeAndRevokeAnyKeyButOnlyTheOwnerRotatesOrChangesIt() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "theirs")).path("id").asLong();
        String admin = tokenFor(newUser("admin"));

        assertThat(http.get("/api/v1/api-keys/" + key, admin).status()).isEqualTo(200);
        assertProblem(http.post("/api/v1/api-keys/" + key + "/rotate", admin, null), 404, "not_found");
        assertProblem(http.patch("/api/v1/api-keys/" + key, admin, Map.of("name", "x")), 404, "not_found");
        assertThat(http.patch("/api/v1/api-keys/" + key + "/deactivate", admin, null).json().path("is_active")
            .asBoolean()).isFalse();
        assertThat(http.delete("/api/v1/api-keys/" + key, admin).status()).isEqualTo(204);
        assertThat(keys.existsById(key)).isFalse();
    }

    @Test
    void aUserListsTheirOwnKeysAndOnlyAnAdminListsEveryonesKeys() {
        User owner = newUser("user");
        String token = tokenFor(owner);
        long mine = createKey(token, Map.of("name", "one")).path("id").asLong();
        long theirs = createKey(tokenFor(newUser("user")), Map.of("name", "two")).path("id").asLong();

        assertThat(ids(http.get("/api/v1/api-keys/", token).json())).containsExactly(mine);
        assertProblem(http.get("/api/v1/api-keys/?all=true", token), 403, "admin_only");
        assertThat(ids(http.get("/api/v1/api-keys/?all=true", tokenFor(newUser("admin"))).json())).contains(mine,
                theirs);
    }

    @Test
    void deactivatingActivatingAndDeletingDecideWhetherTheKeyExchanges() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "k"));
        String secret = created.path("key").asString();
        long id = created.path("id").asLong();

        assertThat(http.patch("/api/v1/api-keys/" + id + "/deactivate", token, null).status()).isEqualTo(200);
        assertThat(exchange(secret).status()).isEqualTo(400);
        assertThat(http.patch("/api/v1/api-keys/" + id + "/activate", token, null).json().path("is_active").asBoolean())
            .isTrue();
        assertThat(exchange(secret).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/api-keys/" + id, token).status()).isEqualTo(204);
        assertThat(exchange(secret).status()).isEqualTo(400);
        assertProblem(http.get("/api/v1/api-keys/" + id, token), 404, "not_found");
    }

    @Test
    void patchRenamesMovesTheExpiryAndReplacesGrantsWithinTheOwnersOwn() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k", "role_ids", List.of(roleId("user")))).path("id").asLong();
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        JsonNode patched = http.patch("/api/v1/api-keys/" + id, token, Map.of("name", "renamed", "expires_at",
                expiry.toString(), "role_ids", List.of(), "permission_ids", List.of(permissionId("posts:read"))))
            .json();

        assertThat(patched.path("name").asString()).isEqualTo("renamed");
        assertThat(Instant.parse(patched.path("expires_at").asString())).isEqualTo(expiry);
        assertThat(patched.path("roles").size()).isZero();
        assertThat(patched.path("permissions").get(0).path("name").asString()).isEqualTo("posts:read");
        assertProblem(http.patch("/api/v1/api-keys/" + id, token, Map.of("permission_ids",
                List.of(permissionId("users:delete")))), 403, "grant_not_held");
        assertProblem(http.patch("/api/v1/api-keys/" + id, token, Map.of("name", " ")), 400, "validation_failed");
        assertThat(keys.findById(id).orElseThrow().permissionIds()).containsExactly(permissionId("posts:read"));
    }

    private static List<Long> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("id").asLong()).toList();
    }
}
