package org.ssoplatform.auth.user;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls that change who may do what take a person's token: even an admin's API key, granted the admin role,
 * gets 403 {@code user_token_required} and changes nothing (a leaked automation key must not hand out admin or
 * rotate the signing keys).
 */
class RightsChangesNeedAUserTokenTests extends ManagementApiFlow {

    private User admin;

    private String adminKeyToken;

    private User target;

    @BeforeEach
    void adminKey() {
        admin = newUser("admin");
        adminKeyToken = apiKeyToken(createKey(tokenFor(admin), Map.of("name", "automation", "role_ids",
                List.of(roleId("admin")))).path("key").asString());
        target = newUser("user");
    }

    @Test
    void anAdminsApiKeyCannotGrantOrRemoveRoles() {
        assertRefused(http.post("/api/v1/users/" + target.id() + "/roles/" + roleId("admin"), adminKeyToken, null));
        assertRefused(http.delete("/api/v1/users/" + target.id() + "/roles/" + roleId("user"), adminKeyToken));

        assertThat(users.findById(target.id()).orElseThrow().roleIds()).containsExactly(roleId("user"));
    }

    @Test
    void anAdminsApiKeyCannotActivateDeactivateOrDeleteUsers() {
        assertRefused(http.patch("/api/v1/users/" + target.id(), adminKeyToken, Map.of("is_active", false)));
        assertRefused(http.patch("/api/v1/users/" + target.id(), adminKeyToken, Map.of("is_active", true)));
        assertRefused(http.delete("/api/v1/users/" + target.id(), adminKeyToken));
        assertRefused(http.delete("/api/v1/users/me", adminKeyToken));

        assertThat(users.findById(target.id()).orElseThrow().active()).isTrue();
        assertThat(users.findById(admin.id())).isPresent();
    }

    @Test
    void anAdminsApiKeyCannotCreateChangeOrDeleteRolesAndPermissions() {
        Role role = roles.save(Role.newRole(unique("r"), null, Set.of()));
        long permission = permissionId("posts:read");

        assertRefused(http.post("/api/v1/roles/", adminKeyToken, Map.of("name", unique("r"))));
        assertRefused(http.post("/api/v1/roles/" + role.id() + "/permissions/" + permission, adminKeyToken, null));
        assertRefused(http.delete("/api/v1/roles/" + roleId("user") + "/permissions/" + permission, adminKeyToken));
        assertRefused(http.delete("/api/v1/roles/" + role.id(), adminKeyToken));
        assertRefused(http.post("/api/v1/roles/permissions/", adminKeyToken, Map.of("name", unique("p") + ":read")));
        assertRefused(http.delete("/api/v1/roles/permissions/" + permission, adminKeyToken));

        assertThat(roles.findById(role.id())).isPresent();
        assertThat(permissions.namesForRoles(List.of(role.id()))).isEmpty();
        assertThat(permissions.namesForRoles(List.of(roleId("user")))).contains("posts:read");
    }

    @Test
    void anAdminsApiKeyCannotRotateTheSigningKeys() {
        String before = signingKeys();

        assertRefused(http.post("/api/v1/signing-keys/rotate", adminKeyToken, null));

        assertThat(signingKeys()).isEqualTo(before);
    }

    @Test
    void aSigningKeyRotationByAnAdminIsAudited() {
        String token = tokenFor(admin);

        Http.Response rotated = http.post("/api/v1/signing-keys/rotate", token, null);

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        JsonNode entry = http.get("/api/v1/audit?action=signing_key.rotated", token).json().path("items").get(0);
        assertThat(entry.path("actor_user_id").asLong()).isEqualTo(admin.id());
        assertThat(entry.path("actor_api_key_id").isNull()).isTrue();
        assertThat(entry.path("details").path("result").asString()).isEqualTo(rotated.json().path("result").asString());
        assertThat(entry.path("details").path("published_kids").toString())
            .isEqualTo(rotated.json().path("published_kids").toString());
    }

    @Test
    void theRefusalsLeaveNoTraceInTheAuditTrail() {
        long before = auditEntries();

        assertRefused(http.post("/api/v1/users/" + target.id() + "/roles/" + roleId("admin"), adminKeyToken, null));
        assertRefused(http.post("/api/v1/roles/", adminKeyToken, Map.of("name", unique("r"))));

        assertThat(auditEntries()).isEqualTo(before);
    }

    private long auditEntries() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE actor_user_id = :id").param("id", admin.id())
            .query(Long.class).single();
    }

    private String signingKeys() {
        return String.join(",", jdbc.sql("SELECT kid || ':' || state FROM signing_keys ORDER BY kid")
            .query(String.class).list());
    }

    private static void assertRefused(Http.Response response) {
        assertProblem(response, 403, "user_token_required");
    }
}
