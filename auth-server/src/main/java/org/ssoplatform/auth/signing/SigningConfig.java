package org.ssoplatform.auth.signing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SigningConfig {

    @Bean
    SigningKeys signingKeys(JdbcClient jdbc, SigningProperties properties, TransactionTemplate tx) {
        return new SigningKeys(new SigningKeyStore(jdbc, properties), properties, tx, Clock.systemUTC());
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new PlatformJwtEncoder(keys::currentSigner, RsaSigners.fastest());
    }
}
