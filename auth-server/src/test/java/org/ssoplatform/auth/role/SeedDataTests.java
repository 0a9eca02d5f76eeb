package org.ssoplatform.auth.role;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.testsupport.RealPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(RealPostgres.class)
// Constraint violations abort a transaction: each statement commits on its own here.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SeedDataTests {

    @Autowired
    RoleRepository roles;

    @Autowired
    PermissionRepository permissions;

    @Test
    void migrationSeedsTheSeedsRolesAndPermissions() {
        assertThat(permissionsOf("admin")).containsExactly("analytics:read", "posts:delete", "posts:read",
                "posts:write", "users:delete", "users:read", "users:write");
        assertThat(permissionsOf("user")).containsExactly("posts:read", "posts:write", "users:read");
        assertThat(permissionsOf("viewer")).containsExactly("posts:read", "users:read");
    }

    @Test
    void databaseRefusesMalformedOrDuplicatePermissions() {
        assertThatThrownBy(() -> permissions.save(Permission.newPermission("Users", "read", null)))
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> permissions.save(Permission.newPermission("users", "read", "again")))
            .isInstanceOf(DataIntegrityViolationException.class);
    }

    private List<String> permissionsOf(String role) {
        return permissions.namesForRoles(List.of(roles.findByName(role).orElseThrow().id()));
    }
}
