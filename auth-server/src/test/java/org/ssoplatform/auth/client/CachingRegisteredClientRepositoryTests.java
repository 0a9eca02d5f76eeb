package org.ssoplatform.auth.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

class CachingRegisteredClientRepositoryTests {

    final MutableClock clock = new MutableClock();

    final CountingRepository store = new CountingRepository(client("gateway", "platform.api"));

    final CachingRegisteredClientRepository clients = new CachingRegisteredClientRepository(store, Duration.ofSeconds(30),
            clock);

    @Test
    void repeatedLookupsWithinTheTtlReadTheStoreOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(clients.findByClientId("gateway").getScopes()).containsExactly("platform.api");
        }

        assertThat(store.reads.get()).isEqualTo(1);
    }

    @Test
    void aLookupAfterTheTtlReadsTheStoreAgain() {
        clients.findByClientId("gateway");
        clock.advance(Duration.ofSeconds(31));

        clients.findByClientId("gateway");

        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void aClientSavedThroughThisRepositoryIsSeenAtOnce() {
        clients.findByClientId("gateway");

        clients.save(RegisteredClient.from(store.findByClientId("gateway")).scopes(s -> s.add("extra")).build());

        assertThat(clients.findByClientId("gateway").getScopes()).contains("extra");
    }

    @Test
    void unknownClientsAreNotRemembered() {
        assertThat(clients.findByClientId("nobody")).isNull();
        assertThat(clients.findByClientId("nobody")).isNull();

        assertThat(store.reads.get()).isEqualTo(2);
    }

    private static RegisteredClient client(String clientId, String scope) {
        return RegisteredClient.withId(clientId + "-id")
            .clientId(clientId)
            .clientSecret("{noop}secret")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(scope)
            .build();
    }

    static final class CountingRepository implements RegisteredClientRepository {

        final AtomicInteger reads = new AtomicInteger();

        final InMemoryRegisteredClientRepository clients;

        CountingRepository(RegisteredClient client) {
            this.clients = new InMemoryRegisteredClientRepository(client);
        }

        @Override
        public void save(RegisteredClient registeredClient) {
            clients.save(registeredClient);
        }

        @Override
        public RegisteredClient findById(String id) {
            reads.incrementAndGet();
            return clients.findById(id);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            reads.incrementAndGet();
            return clients.findByClientId(clientId);
        }
    }

    static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
