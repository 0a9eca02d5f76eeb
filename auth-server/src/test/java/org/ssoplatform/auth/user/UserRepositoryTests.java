package org.ssoplatform.auth.user;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ssoplatform.auth.role.RoleRepository;
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
class UserRepositoryTests {

    @Autowired
    UserRepository users;

    @Autowired
    RoleRepository roles;

    @Autowired
    JdbcClient jdbc;

    @Test
    void emailIsUniqueWhateverItsCase() {
        users.save(User.newUser("Ada@Example.com", "Ada", null));

        assertThatThrownBy(() -> users.save(User.newUser("ada@example.COM", "Impostor", null)))
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(users.findByEmailIgnoreCase("ADA@example.com")).get().extracting(User::fullName).isEqualTo("Ada");
    }

    @Test
    void rolesAreStoredWithTheUserAndRemovedWithIt() {
        long userRole = roles.findByName("user").orElseThrow().id();
        long viewer = roles.findByName("viewer").orElseThrow().id();
        User saved = users.save(User.newUser("grace@example.com", "Grace", null).withRole(userRole).withRole(viewer));

        assertThat(users.findById(saved.id()).orElseThrow().roleIds()).containsExactlyInAnyOrder(userRole, viewer);

        users.save(users.findById(saved.id()).orElseThrow().withoutRole(viewer));
        assertThat(users.findById(saved.id()).orElseThrow().roleIds()).containsExactly(userRole);

        users.deleteById(saved.id());
        assertThat(jdbc.sql("SELECT count(*) FROM user_roles WHERE user_id = ?").param(saved.id()).query(Long.class).single())
            .isZero();
    }
}
