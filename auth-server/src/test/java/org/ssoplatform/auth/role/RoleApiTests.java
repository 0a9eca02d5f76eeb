package org.ssoplatform.auth.role;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /api/v1/roles}: reading, creating and editing roles. */
class RoleApiTests extends ManagementApiFlow {

    private static final int RACERS = 4;

    @Autowired
    DataSource dataSource;

    @Test
    void aCreatedRoleIsListedAndReadWithItsPermissions() {
        String admin = tokenFor(newUser("admin"));
        String name = unique("editor");

        Http.Response created = http.post("/api/v1/roles/", admin, Map.of("name", name, "description", "Edits",
                "permission_ids", List.of(permissionId("posts:write"), permissionId("posts:read"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(names(created.json().path("permissions"))).containsExactly("posts:read", "posts:write");
        assertThat(names(http.get("/api/v1/roles", admin).json())).contains(name, "admin", "user", "viewer");
        JsonNode read = http.get("/api/v1/roles/" + id, tokenFor(newUser("viewer"))).json();
        assertThat(read.path("description").asString()).isEqualTo("Edits");
        assertThat(read.path("permissions").get(0).path("resource").asString()).isEqualTo("posts");
    }

    @Test
    void unknownPermissionIdsInTheBodyAreABadRequestAndStoreNothing() {
        String name = unique("ghost");

        Http.Response response = http.post("/api/v1/roles/", tokenFor(newUser("admin")),
                Map.of("name", name, "permission_ids", List.of(permissionId("posts:read"), UNKNOWN_ID)));

        assertProblem(response, 400, "unknown_permission");
        assertThat(response.json().path("detail").asString()).contains(Long.toString(UNKNOWN_ID));
        assertThat(roles.existsByName(name)).isFalse();
    }

    @Test
    void aDuplicateNameIsAConflict() {
        assertProblem(http.post("/api/v1/roles/", tokenFor(newUser("admin")), Map.of("name", "viewer")), 409,
                "duplicate_name");
    }

    /**
     * The name check and the insert are not atomic: the unique constraint decides a race, still as a 409.
     * Inserts into {@code roles} are held back (a lock that lets reads through) until all four requests
     * have checked the name and wait at the insert, so they certainly overlap.
     */
    @Test
    void ofConcurrentCreationsUnderOneNameExactlyOneSucceeds() throws Exception {
        String admin = tokenFor(newUser("admin"));
        String name = unique("race");
        byte[] body = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        List<CompletableFuture<Http.Response>> sent;

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE roles IN EXCLUSIVE MODE");
            }
            sent = IntStream.range(0, RACERS)
                .mapToObj(i -> http.sendAsync(http.request("POST", "/api/v1/roles/", admin, "application/json",
                        BodyPublishers.ofByteArray(body))))
                .toList();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(insertsWaitingOnRoles())
                .as("requests past the name check, waiting at the insert").isEqualTo(RACERS));
            holder.rollback();
        }

        List<Integer> statuses = sent.stream()
            .map(CompletableFuture::join)
            .peek(response -> {
                if (response.status() == 409) {
                    assertProblem(response, 409, null);
                }
            })
            .map(Http.Response::status)
            .toList();
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(roles.findByName(name)).isPresent();
    }

    private long insertsWaitingOnRoles() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO%roles%'""")
            .query(Long.class).single();
    }

    @Test
    void malformedOrMissingNamesAreBadRequestsNamingTheField() {
        String admin = tokenFor(newUser("admin"));

        for (Map<String, ?> body : List.<Map<String, ?>>of(Map.of("name", "Editors"), Map.of("name", "a b"),
                Map.of("description", "x"))) {
            Http.Response response = http.post("/api/v1/roles/", admin, body);
            assertProblem(response, 400, "validation_failed");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        }
    }

    @Test
    void editingARolesPermissionsTellsEveryGatewayToDropAllKeys() {
        String admin = tokenFor(newUser("admin"));
        long role = roles.save(Role.newRole(unique("ed"), null, Set.of())).id();
        InvalidationInbox inbox = invalidations();

        Http.Response added = http.post("/api/v1/roles/" + role + "/permissions/" + permissionId("posts:read"), admin,
                null);

        assertThat(names(added.json().path("permissions"))).containsExactly("posts:read");
        assertThat(inbox.nextMessage().path("all").asBoolean()).isTrue();

        Http.Response removed = http.delete("/api/v1/roles/" + role + "/permissions/" + permissionId("posts:read"),
                admin);

        assertThat(removed.json().path("permissions").size()).isZero();
        assertThat(inbox.nextMessage().path("all").asBoolean()).isTrue();
        http.delete("/api/v1/roles/" + role + "/permissions/" + permissionId("posts:read"), admin);
        inbox.assertNothingPublished();
    }

    @Test
    void unknownRoleOrPermissionInThePathIsNotFound() {
        String admin = tokenFor(newUser("admin"));
        long viewer = roleId("viewer");

        assertProblem(http.get("/api/v1/roles/" + UNKNOWN_ID, admin), 404, "not_found");
        assertProblem(http.post("/api/v1/roles/" + UNKNOWN_ID + "/permissions/" + permissionId("posts:read"), admin,
                null), 404, "not_found");
        assertProblem(http.post("/api/v1/roles/" + viewer + "/permissions/" + UNKNOWN_ID, admin, null), 404,
                "not_found");
        assertProblem(http.delete("/api/v1/roles/" + viewer + "/permissions/" + UNKNOWN_ID, admin), 404, "not_found");
        assertProblem(http.delete("/api/v1/roles/" + UNKNOWN_ID, admin), 404, "not_found");
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asString()).toList();
    }
}
