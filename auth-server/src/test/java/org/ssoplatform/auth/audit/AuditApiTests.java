package org.ssoplatform.auth.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/audit}: every change leaves a line, newest first; refused changes leave none. */
class AuditApiTests extends ManagementApiFlow {

    @Test
    void changesAreRecordedWithWhoWhatAndFromWhereNewestFirst() {
        User owner = newUser("user");
        String token = tokenFor(owner);
        JsonNode key = createKey(token, Map.of("name", "audited"));
        long id = key.path("id").asLong();
        assertThat(http.post("/api/v1/api-keys/" + id + "/rotate", token, null).status()).isEqualTo(200);
        assertThat(http.patch("/api/v1/api-keys/" + id + "/deactivate", token, null).status()).isEqualTo(200);

        JsonNode page = http.get("/api/v1/audit?target_type=api_key&target_id=" + id, tokenFor(newUser("admin")))
            .json();

        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(actions(page)).containsExactly("api_key.deactivated", "api_key.rotated", "api_key.created");
        JsonNode created = page.path("items").get(2);
        assertThat(created.path("actor_user_id").asLong()).isEqualTo(owner.id());
        assertThat(created.path("actor_api_key_id").isNull()).isTrue();
        assertThat(created.path("target_id").asString()).isEqualTo(Long.toString(id));
        assertThat(created.path("details").path("name").asString()).isEqualTo("audited");
        assertThat(created.path("client_address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(created.path("at").asString()).isNotBlank();
        assertThat(page.toString()).doesNotContain(key.path("key").asString());
    }

    @Test
    void aRefusedChangeLeavesNoLine() {
        String admin = tokenFor(newUser("admin"));
        long before = http.get("/api/v1/audit?size=1", admin).json().path("total").asLong();

        assertProblem(http.post("/api/v1/roles/", admin, Map.of("name", "viewer")), 409, "duplicate_name");
        assertProblem(http.delete("/api/v1/roles/" + roleId("admin"), admin), 409, "protected_role");
        assertProblem(http.post("/api/v1/api-keys/", tokenFor(newUser("viewer")), Map.of("name", "k", "role_ids",
                List.of(roleId("admin")))), 403, "grant_not_held");

        assertThat(http.get("/api/v1/audit?size=1", admin).json().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void theTrailIsPaginated() {
        String admin = tokenFor(newUser("admin"));
        for (int i = 0; i < 3; i++) {
            createKey(admin, Map.of("name", "page" + i));
        }

        Http.Response first = http.get("/api/v1/audit/?size=2", admin);
        Http.Response second = http.get("/api/v1/audit?size=2&page=1", admin);

        assertThat(first.json().path("items").size()).isEqualTo(2);
        assertThat(first.json().path("size").asInt()).isEqualTo(2);
        assertThat(second.json().path("page").asInt()).isEqualTo(1);
        assertThat(first.json().path("items").get(1).path("id").asLong())
            .isGreaterThan(second.json().path("items").get(0).path("id").asLong());
        assertProblem(http.get("/api/v1/audit?size=500", admin), 400, "validation_failed");
    }

    @Test
    void theTrailIsFilteredByActorAndByTime() throws InterruptedException {
        User ada = newUser("user");
        User bob = newUser("user");
        String admin = tokenFor(newUser("admin"));
        Instant before = Instant.now().minusMillis(1);
        long adaKey = createKey(tokenFor(ada), Map.of("name", "ada's")).path("id").asLong();
        long bobKey = createKey(tokenFor(bob), Map.of("name", "bob's")).path("id").asLong();
        Thread.sleep(5); // the next key is created strictly after "between"
        Instant between = Instant.now();
        long adaLater = createKey(tokenFor(ada), Map.of("name", "ada's later")).path("id").asLong();

        JsonNode byAda = http.get("/api/v1/audit?actor=" + ada.id() + "&action=api_key.created", admin).json();
        JsonNode adaEarly = http.get("/api/v1/audit?actor=" + ada.id() + "&from=" + before + "&to=" + between, admin)
            .json();
        JsonNode sinceBetween = http.get("/api/v1/audit?action=api_key.created&from=" + between, admin).json();

        assertThat(targets(byAda)).containsExactly(Long.toString(adaLater), Long.toString(adaKey));
        assertThat(targets(adaEarly)).containsExactly(Long.toString(adaKey));
        assertThat(targets(sinceBetween)).contains(Long.toString(adaLater))
            .doesNotContain(Long.toString(adaKey), Long.toString(bobKey));
        assertThat(http.get("/api/v1/audit?from=yesterday", admin).status()).isEqualTo(400);
        assertProblem(http.get("/api/v1/audit?actor=0", admin), 400, "validation_failed");
    }

    private static List<String> targets(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("target_id").asString())
            .toList();
    }

    private static List<String> actions(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("action").asString())
            .toList();
    }
}
