package org.ssoplatform.auth.user;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.role.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/users}: profile, listing, role assignment, account status. */
class UserApiTests extends ManagementApiFlow {

    @Test
    void meAnswersTheCallersProfileWithRolesAndTheirPermissions() {
        User user = newUser("viewer");

        Http.Response response = http.get("/api/v1/users/me", tokenFor(user));

        assertThat(response.status()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.path("id").asLong()).isEqualTo(user.id());
        assertThat(me.path("email").asString()).isEqualTo(user.email());
        assertThat(me.path("is_active").asBoolean()).isTrue();
        assertThat(me.path("roles").get(0).path("name").asString()).isEqualTo("viewer");
        assertThat(names(me.path("roles").get(0).path("permissions"))).containsExactly("posts:read", "users:read");
    }

    @Test
    void listIsPaginatedAndFiltersByEmailSubstringWhateverItsCase() {
        String marker = unique("list");
        for (int i = 0; i < 3; i++) {
            users.save(User.newUser(marker + i + "@Mgmt.test", null, null));
        }
        String token = tokenFor(newUser("admin"));

        JsonNode first = http.get("/api/v1/users/?email=" + marker.toUpperCase() + "&size=2", token).json();
        JsonNode second = http.get("/api/v1/users?email=" + marker + "&size=2&page=1", token).json();

        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(emails(first)).containsExactly(marker + "0@Mgmt.test", marker + "1@Mgmt.test");
        assertThat(emails(second)).containsExactly(marker + "2@Mgmt.test");
    }

    @Test
    void theEmailFilterTakesLikeWildcardsLiterally() {
        JsonNode page = http.get("/api/v1/users/?email=%25", tokenFor(newUser("admin"))).json();

        assertThat(page.path("total").asLong()).isZero();
    }

    @Test
    void pagingOutOfRangeIsABadRequestNamingTheParameter() {
        String token = tokenFor(newUser("admin"));

        for (String query : new String[] { "size=0", "size=101", "page=-1" }) {
            Http.Response response = http.get("/api/v1/users/?" + query, token);
            assertProblem(response, 400, "validation_failed");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(query.split("=")[0]);
        }
    }

    @Test
    void grantingAndRemovingARoleChangesTheUserAndInvalidatesTheirKeys() {
        User target = newUser("user");
        String hash = ApiKeyFormat.hashHex(createKey(tokenFor(target), Map.of("name", "k")).path("key").asString());
        String admin = tokenFor(newUser("admin"));
        InvalidationInbox inbox = invalidations();

        Http.Response granted = http.post("/api/v1/users/" + target.id() + "/roles/" + roleId("viewer"), admin, null);

        assertThat(granted.status()).isEqualTo(200);
        assertThat(names(granted.json().path("roles"))).containsExactly("user", "viewer");
        assertThat(inbox.nextMessage().path("hashes").get(0).asString()).isEqualTo(hash);

        Http.Response removed = http.delete("/api/v1/users/" + target.id() + "/roles/" + roleId("viewer"), admin);

        assertThat(names(removed.json().path("roles"))).containsExactly("user");
        assertThat(inbox.nextMessage().path("hashes").get(0).asString()).isEqualTo(hash);
    }

    @Test
    void grantingARoleTheUserHoldsChangesNothingAndPublishesNothing() {
        User target = newUser("user");
        createKey(tokenFor(target), Map.of("name", "k"));
        InvalidationInbox inbox = invalidations();

        Http.Response response = http.post("/api/v1/users/" + target.id() + "/roles/" + roleId("user"),
                tokenFor(newUser("admin")), null);

        assertThat(response.status()).isEqualTo(200);
        inbox.assertNothingPublished();
    }

    @Test
    void unknownUserOrRoleInThePathIsNotFound() {
        String admin = tokenFor(newUser("admin"));
        long user = newUser().id();

        assertProblem(http.post("/api/v1/users/" + UNKNOWN_ID + "/roles/" + roleId("viewer"), admin, null), 404,
                "not_found");
        assertProblem(http.post("/api/v1/users/" + user + "/roles/" + UNKNOWN_ID, admin, null), 404, "not_found");
        assertProblem(http.patch("/api/v1/users/" + UNKNOWN_ID, admin, Map.of("is_active", false)), 404, "not_found");
        assertProblem(http.get("/api/v1/users/abc/roles", admin), 404, null);
    }

    @Test
    void nonAdminsGrantOnlyRolesWhosePermissionsTheyAllHoldAndNeverAdmin() {
        String helpdeskRole = unique("helpdesk");
        roles.save(Role.newRole(helpdeskRole, null, Set.of(
                permissionId("users:read"), permissionId("users:write"), permissionId("posts:read"))));
        String helpdesk = tokenFor(newUser(helpdeskRole));
        long target = newUser().id();

        assertProblem(http.post("/api/v1/users/" + target + "/roles/" + roleId("admin"), helpdesk, null), 403,
                "admin_only");
        assertProblem(http.post("/api/v1/users/" + target + "/roles/" + roleId("user"), helpdesk, null), 403,
                "grant_not_held");
        assertThat(http.post("/api/v1/users/" + target + "/roles/" + roleId("viewer"), helpdesk, null).status())
            .isEqualTo(200);
        assertThat(users.findById(target).orElseThrow().roleIds()).containsExactly(roleId("viewer"));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("name").asString()).toList();
    }

    private static List<String> emails(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(n -> n.path("email").asString())
            .toList();
    }
}
