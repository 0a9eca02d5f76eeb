package org.ssoplatform.auth.federation;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.testsupport.RealPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ RealPostgres.class, UserProvisioner.class, AuditLog.class, UserProvisionerTests.Meters.class })
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@EnableConfigurationProperties(AuthServerProperties.class)
// Two sign-ins in two transactions of their own, as in production.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class UserProvisionerTests {

    @Autowired
    UserProvisioner provisioner;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService signIns = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        signIns.shutdownNow();
    }

    @Test
    void twoFirstSignInsOfOnePersonAtOnceEndInOneUser() throws Exception {
        FederatedIdentity ada = new FederatedIdentity("google", "race-1", "ada@race.test", true, "Ada", null);
        CountDownLatch firstProvisioned = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        Future<Long> first = signIns.submit(() -> tx.execute(status -> {
            long id = provisioner.provision(ada, null, FederatedSignIn.Flow.API);
            firstProvisioned.countDown();
            awaitQuietly(commitFirst);
            return id;
        }));
        assertThat(firstProvisioned.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Long> second = signIns.submit(() -> provisioner.provision(ada, null, FederatedSignIn.Flow.API));
        // The second sign-in now waits on the first's uncommitted user row (same e-mail, unique index).
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
                Integer.class) > 0);
        commitFirst.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = 'ada@race.test'", Integer.class))
            .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth_accounts WHERE provider_user_id = 'race-1'",
                Integer.class)).isEqualTo(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sign-ins are counted; this slice has no identity providers configured, so every one is {@code other}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        SignInMeters signInMeters() {
            return new SignInMeters(new SimpleMeterRegistry(), registrationId -> null);
        }
    }
}
