package org.ssoplatform.gateway.bearer;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.reactive.function.client.WebClient;
import org.ssoplatform.gateway.config.GatewayProperties;
import reactor.netty.http.client.HttpClient;

/**
 * Bearer JWTs are checked at the edge exactly as the resource services check them: RS256 signature
 * from auth-server's JWKS, {@code exp}/{@code nbf}, the public issuer and the platform audience.
 * Nothing is fetched at start-up, so the gateway starts while auth-server is down.
 */
@Configuration(proxyBeanMethods = false)
class BearerConfig {

    /** How the API chain turns an accepted token into its caller; the bearer lane reuses the caller it made. */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        return new JwtAuthenticationConverter();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties gateway, JwtProperties jwt, MeterRegistry meters,
            JwtAuthenticationConverter converter) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) jwt.jwksTimeout().toMillis())
            .responseTimeout(jwt.jwksTimeout());
        WebClient web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        JwkSetCache keys = new JwkSetCache(web, gateway.authServer("/oauth2/jwks"), jwt, Clock.systemUTC(), meters);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys).build();
        decoder.setJwtValidator(validator(gateway.authIssuer(), jwt.audience()));
        // Spring reports keys it could not fetch as IllegalStateException, which would escape
        // authentication; as a plain JwtException it becomes a 503 (BearerFailureHandler), not a 401.
        ReactiveJwtDecoder checked = token -> decoder.decode(token)
            .onErrorMap(IllegalStateException.class, ex -> new JwtException("The JWKS of auth-server is unavailable", ex));
        return jwt.verifiedTokens() > 0
                ? new VerifiedTokenCache(checked, converter, jwt.verifiedTokens(), Clock.systemUTC()) : checked;
    }

    @Bean
    BearerAuthenticator bearerAuthenticator(ReactiveJwtDecoder jwtDecoder) {
        return new BearerAuthenticator(jwtDecoder instanceof VerifiedTokenCache verified ? verified : null);
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience));
    }
}
