package org.ssoplatform.auth.client;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.ssoplatform.auth.support.ClientRegistration;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.support.SecondInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two auth-server instances on one PostgreSQL and Redis: a client change made through one is seen by the other
 * within a second, although the other had the client cached (for 30 s) a moment before: the change's
 * announcement on the invalidation channel evicted it.
 */
class ClientChangesAcrossInstancesTests extends ManagementApiFlow {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aRotationAndADeletionReachTheOtherInstanceWithinASecond() throws Exception {
        String adminToken = tokenFor(newUser("admin"));
        ClientRegistration here = new ClientRegistration(http);
        String clientId = unique("multi-");
        String firstSecret = here.register(adminToken, ClientRegistration.service(clientId))
            .path("client_secret").asString();

        // The namespace this instance's RedisNamespace was bound to, which in tests can differ from the
        // environment's (the run's namespace is registered after some beans are bound).
        try (ConfigurableApplicationContext second = SecondInstance.start(environment,
                "platform.redis.namespace=" + namespace.namespace());
                InvalidationInbox announcements = new InvalidationInbox(redis, ClientCacheEviction.channel(namespace))) {
            ClientRegistration there = new ClientRegistration(new Http(SecondInstance.base(second)));
            awaitSubscribed(second.getBean(RedisMessageListenerContainer.class));
            assertThat(there.clientCredentials(clientId, firstSecret).status()).isEqualTo(200);

            Http.Response rotated = http.post("/api/v1/clients/" + clientId + "/secret/rotate", adminToken,
                    Map.of("grace_seconds", 0));
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String secondSecret = rotated.json().path("client_secret").asString();
            assertThat(announcements.nextMessage().path("client_id").asString()).isEqualTo(clientId);

            assertThat(within(() -> there.clientCredentials(clientId, firstSecret)))
                .as("the old secret refused by the other instance within " + WITHIN)
                .isEqualTo(401);
            assertThat(there.clientCredentials(clientId, secondSecret).status()).isEqualTo(200);

            assertThat(http.delete("/api/v1/clients/" + clientId, adminToken).status()).isEqualTo(204);

            assertThat(within(() -> there.clientCredentials(clientId, secondSecret)))
                .as("the deleted client refused by the other instance within " + WITHIN)
                .isEqualTo(401);
        }
    }

    /** The status of {@code request} once it is 401, or the last one seen when {@link #WITHIN} has passed. */
    private static int within(Supplier<Http.Response> request) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Http.Response last;
        do {
            last = request.get();
            if (last.status() == 401) {
                return 401;
            }
            sleep();
        }
        while (System.nanoTime() < deadline);
        return last.status();
    }

    /** The other instance subscribes in the background at start-up; a change made before would pass it by. */
    private static void awaitSubscribed(RedisMessageListenerContainer subscription) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!subscription.isListening()) {
            assertThat(System.nanoTime()).as("the other instance subscribed to the client invalidations")
                .isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
