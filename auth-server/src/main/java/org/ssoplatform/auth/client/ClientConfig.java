package org.ssoplatform.auth.client;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.ssoplatform.auth.shared.AuthServerProperties;

/** The registered clients: kept in PostgreSQL behind a short cache, seeded from configuration at start. */
@Configuration(proxyBeanMethods = false)
class ClientConfig {

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc) {
        return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc), Duration.ofSeconds(30),
                Clock.systemUTC());
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
