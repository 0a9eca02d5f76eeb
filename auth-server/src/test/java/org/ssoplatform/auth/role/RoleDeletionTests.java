package org.ssoplatform.auth.role;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DELETE /api/v1/roles/{id}}: refused while in use unless cascading; never the admin role. */
class RoleDeletionTests extends ManagementApiFlow {

    @Test
    void aRoleInUseIsDeletedOnlyWithCascadeWhichRemovesItFromItsHolders() {
        String admin = tokenFor(newUser("admin"));
        long role = roles.save(Role.newRole(unique("temp"), null, Set.of(permissionId("posts:read")))).id();
        User holder = newUser("user");
        users.addRole(holder.id(), role);
        InvalidationInbox inbox = invalidations();

        Http.Response refused = http.delete("/api/v1/roles/" + role, admin);

        assertProblem(refused, 409, "in_use");
        assertThat(roles.existsById(role)).isTrue();
        inbox.assertNothingPublished();

        assertThat(http.delete("/api/v1/roles/" + role + "?cascade=true", admin).status()).isEqualTo(204);

        assertThat(roles.existsById(role)).isFalse();
        assertThat(users.findById(holder.id()).orElseThrow().roleIds()).containsExactly(roleId("user"));
        assertThat(inbox.nextMessage().path("all").asBoolean()).isTrue();
    }

    @Test
    void anUnusedRoleIsDeletedWithoutInvalidatingAnything() {
        long role = roles.save(Role.newRole(unique("unused"), null, Set.of())).id();
        InvalidationInbox inbox = invalidations();

        assertThat(http.delete("/api/v1/roles/" + role, tokenFor(newUser("admin"))).status()).isEqualTo(204);

        assertThat(roles.existsById(role)).isFalse();
        inbox.assertNothingPublished();
    }

    @Test
    void theAdminRoleCannotBeDeletedEvenWithCascade() {
        assertProblem(http.delete("/api/v1/roles/" + roleId("admin") + "?cascade=true", tokenFor(newUser("admin"))),
                409, "protected_role");
        assertThat(roles.existsById(roleId("admin"))).isTrue();
    }
}
