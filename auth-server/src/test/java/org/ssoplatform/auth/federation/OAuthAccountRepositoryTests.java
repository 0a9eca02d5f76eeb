package org.ssoplatform.auth.federation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;
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
class OAuthAccountRepositoryTests {

    @Autowired
    OAuthAccountRepository accounts;

    @Autowired
    UserRepository users;

    @Test
    void oneProviderAccountBelongsToOneUserOnly() {
        long ada = users.save(User.newUser("ada@accounts.test", "Ada", null)).id();
        long bob = users.save(User.newUser("bob@accounts.test", "Bob", null)).id();
        FederatedIdentity github = new FederatedIdentity("github", "4242", "ada@accounts.test", true, "Ada", null);
        accounts.save(OAuthAccount.link(ada, github));

        assertThatThrownBy(() -> accounts.save(OAuthAccount.link(bob, github)))
            .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(accounts.findByProviderAndProviderUserId("github", "4242")).get()
            .extracting(a -> a.userId().getId())
            .isEqualTo(ada);
    }

    @Test
    void accountsGoWithTheirUser() {
        long carol = users.save(User.newUser("carol@accounts.test", "Carol", null)).id();
        accounts.save(OAuthAccount.link(carol, new FederatedIdentity("google", "g-1", "carol@accounts.test", true, "Carol", null)));

        users.deleteById(carol);

        assertThat(accounts.findByUserId(carol)).isEmpty();
    }
}
