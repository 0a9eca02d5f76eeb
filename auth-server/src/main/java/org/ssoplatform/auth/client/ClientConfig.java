package org.ssoplatform.auth.client;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.util.backoff.FixedBackOff;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * The registered clients: kept in PostgreSQL behind a short cache that every instance's changes evict, seeded
 * from configuration at start.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfig {

    @Bean
    CachingRegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc), Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    @Bean
    ClientCacheEviction clientCacheEviction(CachingRegisteredClientRepository cache, RedisNamespace namespace) {
        return new ClientCacheEviction(cache, namespace);
    }

    /** Subscribed to the client invalidations of every instance; started by {@link ClientInvalidationSubscription}. */
    @Bean
    RedisMessageListenerContainer clientCacheEvictions(RedisConnectionFactory redis, ClientCacheEviction eviction) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.setAutoStartup(false);
        // One way back after a lost subscription, not two racing: ClientInvalidationSubscription's.
        container.setRecoveryBackoff(new FixedBackOff(0, 0));
        // Started on the scheduler, so it may wait: given up too early, a subscription completing late would linger
        // beside the next attempt's.
        container.setMaxSubscriptionRegistrationWaitingTime(10_000);
        container.addMessageListener(eviction, new ChannelTopic(eviction.channel()));
        return container;
    }

    @Bean
    ClientInvalidationSubscription clientInvalidationSubscription(RedisMessageListenerContainer clientCacheEvictions,
            CachingRegisteredClientRepository cache) {
        return new ClientInvalidationSubscription(clientCacheEvictions, cache);
    }

    @Bean
    PasswordEncoder clientSecretEncoder() {
        return ClientSecretEncoder.delegating();
    }

    @Bean
    ClientBootstrap clientBootstrap(RegisteredClientRepository clients, ClientProperties properties,
            AuthServerProperties auth, PasswordEncoder encoder) {
        return new ClientBootstrap(clients, properties, auth, encoder);
    }
}
