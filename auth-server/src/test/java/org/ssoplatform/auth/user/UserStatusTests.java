package org.ssoplatform.auth.user;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH /api/v1/users/{id}}: deactivation cuts a user off everywhere; re-activation restores their keys. */
class UserStatusTests extends ManagementApiFlow {

    @Test
    void deactivationRevokesRefreshTokensAndKeysAndReactivationRestoresTheKeys() {
        User target = newUser("user");
        String secret = createKey(tokenFor(target), Map.of("name", "k")).path("key").asString();
        authorization(target.id().toString());
        String bystander = authorization("someone-else");
        String admin = tokenFor(newUser("admin"));
        InvalidationInbox inbox = invalidations();

        Http.Response deactivated = http.patch("/api/v1/users/" + target.id(), admin, Map.of("is_active", false));

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("is_active").asBoolean()).isFalse();
        assertThat(users.findById(target.id()).orElseThrow().active()).isFalse();
        assertThat(authorizationsOf(target.id().toString())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = ?").param(bystander)
            .query(Long.class).single()).isOne();
        assertThat(inbox.nextMessage().path("hashes").get(0).asString()).isEqualTo(ApiKeyFormat.hashHex(secret));
        assertThat(exchange(secret).status()).isEqualTo(400);

        Http.Response reactivated = http.patch("/api/v1/users/" + target.id(), admin, Map.of("is_active", true));
        assertThat(reactivated.status()).isEqualTo(200);
        assertThat(reactivated.json().path("is_active").asBoolean()).isTrue();
        assertThat(users.findById(target.id()).orElseThrow().active()).isTrue();
        assertThat(exchange(secret).status()).isEqualTo(200);
    }

    @Test
    void nobodyDeactivatesThemselves() {
        User admin = newUser("admin");

        assertProblem(http.patch("/api/v1/users/" + admin.id(), tokenFor(admin), Map.of("is_active", false)), 409,
                "self_deactivation");
        assertThat(users.findById(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void onlyAnAdminChangesAnAdminsAccount() {
        String helpdeskRole = unique("helpdesk");
        roles.save(Role.newRole(helpdeskRole, null, Set.of(permissionId("users:read"), permissionId("users:write"))));
        User admin = newUser("admin");

        assertProblem(http.patch("/api/v1/users/" + admin.id(), tokenFor(newUser(helpdeskRole)),
                Map.of("is_active", false)), 403, "admin_only");
        assertThat(users.findById(admin.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void theLastActiveAdminCanBeNeitherDeactivatedNorStrippedOfAdmin() {
        User last = newUser("admin");
        String other = tokenFor(newUser("admin"));
        OtherAdmins.inactiveDuring(jdbc, last, () -> {
            assertProblem(http.patch("/api/v1/users/" + last.id(), other, Map.of("is_active", false)), 409,
                    "last_admin");
            assertProblem(http.delete("/api/v1/users/" + last.id() + "/roles/" + roleId("admin"), other), 409,
                    "last_admin");
            User unchanged = users.findById(last.id()).orElseThrow();
            assertThat(unchanged.active()).isTrue();
            assertThat(unchanged.roleIds()).contains(roleId("admin"));
        });
    }

    @Test
    void anAdminLosesAdminOrIsDeactivatedWhileAnotherActiveAdminRemains() {
        User first = newUser("admin");
        User second = newUser("admin");
        String actor = tokenFor(newUser("admin"));

        assertThat(http.delete("/api/v1/users/" + first.id() + "/roles/" + roleId("admin"), actor).status())
            .isEqualTo(200);
        assertThat(http.patch("/api/v1/users/" + second.id(), actor, Map.of("is_active", false)).status())
            .isEqualTo(200);

        assertThat(users.findById(first.id()).orElseThrow().roleIds()).doesNotContain(roleId("admin"));
        assertThat(users.findById(first.id()).orElseThrow().active()).isTrue();
        assertThat(users.findById(second.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void aMissingOrMistypedIsActiveIsABadRequestNamingTheField() {
        String admin = tokenFor(newUser("admin"));
        long target = newUser().id();

        Http.Response missing = http.patch("/api/v1/users/" + target, admin, Map.of("active", false));
        assertProblem(missing, 400, "validation_failed");
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("is_active");
        Http.Response mistyped = http.patch("/api/v1/users/" + target, admin, Map.of("is_active", "maybe"));
        assertProblem(mistyped, 400, "validation_failed");
        assertThat(mistyped.json().path("errors").get(0).path("field").asString()).isEqualTo("is_active");
        assertThat(users.findById(target).orElseThrow().active()).isTrue();
    }

    private String authorization(String principal) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                                                  refresh_token_value)
                VALUES (?, 'portal', ?, 'authorization_code', ?)""")
            .params(id, principal, UUID.randomUUID().toString())
            .update();
        return id;
    }

    private long authorizationsOf(String principal) {
        return jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?").param(principal)
            .query(Long.class).single();
    }
}
