package org.ssoplatform.auth.user;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may grant which role: only an admin grants {@code admin}; a holder of {@code users:write} grants only roles
 * whose every permission they hold, and never to themselves, not even a role without permissions (services check
 * such roles by name).
 */
class RoleGrantRulesTests extends ManagementApiFlow {

    private User grantor;

    private String token;

    private User other;

    @BeforeEach
    void grantor() {
        Role userAdmin = roles.save(Role.newRole(unique("user-admin"), null,
                Set.of(permissionId("users:read"), permissionId("users:write"), permissionId("posts:read"))));
        grantor = users.save(newUser().withRole(userAdmin.id()));
        token = tokenFor(grantor);
        other = newUser();
    }

    @Test
    void aUsersWriteHolderGrantsAnotherUserARoleWhosePermissionsTheyAllHold() {
        Http.Response granted = http.post(grant(other, roleId("viewer")), token, null);

        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(users.findById(other.id()).orElseThrow().roleIds()).containsExactly(roleId("viewer"));
    }

    @Test
    void aUsersWriteHolderCannotGrantThemselvesARoleWhosePermissionsTheyHold() {
        assertProblem(http.post(grant(grantor, roleId("viewer")), token, null), 403, "self_grant");

        assertThat(users.findById(grantor.id()).orElseThrow().roleIds()).doesNotContain(roleId("viewer"));
    }

    @Test
    void aUsersWriteHolderCannotGrantThemselvesARoleWithoutPermissions() {
        Role badge = roles.save(Role.newRole(unique("badge"), null, Set.of()));

        assertProblem(http.post(grant(grantor, badge.id()), token, null), 403, "self_grant");

        assertThat(users.findById(grantor.id()).orElseThrow().roleIds()).doesNotContain(badge.id());
    }

    @Test
    void aUsersWriteHolderCannotGrantARoleWithAPermissionTheyLack() {
        assertProblem(http.post(grant(other, roleId("user")), token, null), 403, "grant_not_held");
    }

    @Test
    void onlyAnAdminGrantsAdmin() {
        assertProblem(http.post(grant(other, roleId("admin")), token, null), 403, "admin_only");

        Http.Response byAdmin = http.post(grant(other, roleId("admin")), tokenFor(newUser("admin")), null);

        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
    }

    private static String grant(User user, long roleId) {
        return "/api/v1/users/" + user.id() + "/roles/" + roleId;
    }
}
