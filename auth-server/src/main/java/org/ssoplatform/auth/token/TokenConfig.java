package org.ssoplatform.auth.token;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.auth.signing.SigningKeys;
import org.ssoplatform.auth.user.UserGrants;

/** The tokens: how they are generated and customised, where authorizations are kept, how ours are decoded. */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    @Bean
    OAuth2AuthorizationService authorizationService(JdbcOperations jdbc, JdbcClient jdbcClient,
            RegisteredClientRepository clients, JwtDecoder jwtDecoder, StringRedisTemplate redis, RedisNamespace namespace,
            AuditLog audit) {
        OAuth2AuthorizationService stored = new RefreshTokenReuseDetection(new JdbcOAuth2AuthorizationService(jdbc, clients),
                jdbcClient, clients, audit);
        return new ClientTokenAuthorizations(stored, jwtDecoder, clients, redis, namespace, Clock.systemUTC());
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
            RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    PlatformTokenCustomizer platformTokenCustomizer(UserGrants grants, StandardClaims standardClaims,
            AuthServerProperties properties, MeterRegistry meters) {
        return new PlatformTokenCustomizer(grants, standardClaims, properties, meters);
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, PlatformTokenCustomizer customizer) {
        JwtGenerator jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(customizer);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, AuthServerProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        // Only this server's access tokens for the platform API: not ID tokens, not other issuers'.
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()))));
        return decoder;
    }
}
