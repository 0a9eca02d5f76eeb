package org.ssoplatform.auth.role;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/roles/permissions}: name and parts derive from each other, and must agree. */
class PermissionApiTests extends ManagementApiFlow {

    @Test
    void aNameAloneGivesResourceAndAction() {
        String resource = unique("r");

        JsonNode created = create(Map.of("name", resource + ":read", "description", "Read r"));

        assertThat(created.path("resource").asString()).isEqualTo(resource);
        assertThat(created.path("action").asString()).isEqualTo("read");
        assertThat(created.path("description").asString()).isEqualTo("Read r");
    }

    @Test
    void resourceAndActionGiveTheNameAndAllThreeMayBeGivenIfTheyAgree() {
        String resource = unique("r");

        assertThat(create(Map.of("resource", resource, "action", "write")).path("name").asString())
            .isEqualTo(resource + ":write");
        assertThat(create(Map.of("name", resource + ":export", "resource", resource, "action", "export"))
            .path("name").asString()).isEqualTo(resource + ":export");
    }

    @Test
    void malformedOrDisagreeingNamesAreBadRequestsAndStoreNothing() {
        String admin = tokenFor(newUser("admin"));
        long before = permissions.count();

        for (Map<String, ?> body : List.<Map<String, ?>>of(Map.of("name", "Posts:read"), Map.of("name", "posts"),
                Map.of("name", "posts:read:all"), Map.of("name", "posts:"), Map.of("name", "1posts:read"),
                Map.of("resource", "posts"), Map.of(), Map.of("name", "posts:read", "action", "write"),
                Map.of("resource", "po sts", "action", "read"), Map.of("name", "r".repeat(51) + ":read"))) {
            assertProblem(http.post("/api/v1/roles/permissions/", admin, body), 400, "invalid_permission_name");
        }
        assertProblem(http.post("/api/v1/roles/permissions/", admin, Map.of("name", "r".repeat(102))), 400,
                "validation_failed");
        assertThat(permissions.count()).isEqualTo(before);
    }

    @Test
    void aDuplicateNameIsAConflict() {
        assertProblem(http.post("/api/v1/roles/permissions", tokenFor(newUser("admin")), Map.of("name", "users:read")),
                409, "duplicate_name");
    }

    @Test
    void permissionsAreListedByName() {
        List<String> names = StreamSupport
            .stream(http.get("/api/v1/roles/permissions/", tokenFor(newUser("viewer"))).json().spliterator(), false)
            .map(n -> n.path("name").asString())
            .toList();

        assertThat(names).contains("analytics:read", "users:write").isSorted();
    }

    @Test
    void aPermissionInUseIsDeletedOnlyWithCascadeWhichRemovesItFromRolesAndKeys() {
        String admin = tokenFor(newUser("admin"));
        long permission = create(Map.of("name", unique("r") + ":read")).path("id").asLong();
        long role = roles.save(Role.newRole(unique("holder"), null, Set.of(permission))).id();
        createKey(admin, Map.of("name", "holder", "permission_ids", List.of(permission)));
        InvalidationInbox inbox = invalidations();

        Http.Response refused = http.delete("/api/v1/roles/permissions/" + permission, admin);

        assertProblem(refused, 409, "in_use");
        assertThat(refused.json().path("detail").asString()).contains("1 role(s) and 1 API key(s)");
        inbox.assertNothingPublished();

        assertThat(http.delete("/api/v1/roles/permissions/" + permission + "?cascade=true", admin).status())
            .isEqualTo(204);

        assertThat(permissions.existsById(permission)).isFalse();
        assertThat(roles.findById(role).orElseThrow().permissionIds()).isEmpty();
        assertThat(inbox.nextMessage().path("all").asBoolean()).isTrue();
    }

    @Test
    void anUnknownPermissionInThePathIsNotFound() {
        assertProblem(http.delete("/api/v1/roles/permissions/" + UNKNOWN_ID, tokenFor(newUser("admin"))), 404,
                "not_found");
    }

    private JsonNode create(Map<String, ?> body) {
        Http.Response response = http.post("/api/v1/roles/permissions/", tokenFor(newUser("admin")), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
