package org.ssoplatform.resourceserver.reactive;

import java.net.http.HttpClient;

import org.ssoplatform.resourceserver.PlatformJwtAuthenticationConverter;
import org.ssoplatform.resourceserver.PlatformJwtValidators;
import org.ssoplatform.resourceserver.PlatformResourceServerProperties;
import org.ssoplatform.resourceserver.VerifiedTokenCache;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.Assert;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** Makes a WebFlux service a resource server of the platform from one property, {@code issuer-uri}. */
// Before Boot's own chains, so that ours is the one a service gets unless it defines its own.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({ ServerHttpSecurity.class, WebFluxConfigurer.class })
@EnableConfigurationProperties(PlatformResourceServerProperties.class)
@Import(ReactiveMethodSecurityConfiguration.class)
public class ReactiveResourceServerAutoConfiguration {

    /**
     * Keys come from the JWKS on first use, not at startup, so the service starts while auth-server is down.
     * Only RS256 (the decoder's default) is accepted, which also rules out {@code alg: none}. The JDK's HTTP
     * client fetches them, so the decoder works whichever server the service runs on. A token that passed is
     * remembered until its expiry ({@code verified-tokens}).
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder platformReactiveJwtDecoder(PlatformResourceServerProperties properties) {
        Assert.hasText(properties.issuerUri(), "platform.resource-server.issuer-uri must be set");
        JdkClientHttpConnector connector = new JdkClientHttpConnector(
                HttpClient.newBuilder().connectTimeout(properties.jwksTimeout()).build());
        connector.setReadTimeout(properties.jwksTimeout());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .webClient(WebClient.builder().clientConnector(connector).build())
            .build();
        decoder.setJwtValidator(PlatformJwtValidators.of(properties));
        return properties.verifiedTokens() > 0
                ? new CachingReactiveJwtDecoder(decoder, new VerifiedTokenCache(properties.verifiedTokens()))
                : decoder;
    }

    /**
     * Spring Security observes every filter, authentication and authorization, several times a bearer request's added
     * CPU on the servlet side (docs/performance.md#resource-services). The {@code http.server.requests} metrics and
     * traces stay; a service that wants Spring Security's spans defines its own.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings platformSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformJwtAuthenticationConverter platformJwtAuthenticationConverter() {
        return new PlatformJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain platformResourceServerWebFilterChain(ServerHttpSecurity http,
            PlatformResourceServerProperties properties, ReactiveJwtDecoder decoder,
            PlatformJwtAuthenticationConverter converter) {
        ReactivePlatformAuthenticationEntryPoint entryPoint = new ReactivePlatformAuthenticationEntryPoint();
        ReactivePlatformAccessDeniedHandler accessDenied = new ReactivePlatformAccessDeniedHandler();
        // By default an AuthenticationServiceException (JWKS unreachable) is rethrown as a 500; the entry point
        // answers 503 instead, as for any dependency that is down.
        ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(entryPoint);
        failures.setRethrowAuthenticationServiceException(false);
        http.authorizeExchange(exchanges -> {
            exchanges.matchers(EndpointRequest.to("health", "info")).permitAll();
            properties.publicPaths().forEach(path -> exchanges.pathMatchers(path).permitAll());
            exchanges.anyExchange().authenticated();
        })
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied)
                .authenticationFailureHandler(failures)
                .jwt(jwt -> jwt.jwtDecoder(keysUnavailableAsServiceError(decoder))
                    .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter))));
        return http.build();
    }

    /**
     * The reactive Nimbus decoder reports an unreachable JWKS as an IllegalStateException, which would be a 500;
     * as a JwtException it becomes an AuthenticationServiceException, which the entry point answers with 503.
     */
    private static ReactiveJwtDecoder keysUnavailableAsServiceError(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token)
            .onErrorMap(IllegalStateException.class, ex -> new JwtException("The signing keys are unavailable", ex));
    }

    @Bean
    WebFluxConfigurer platformCallerArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ReactivePlatformCallerArgumentResolver());
            }
        };
    }

    /** As Boot does, for contexts (test slices) that load this library without Boot's web security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(name = "springSecurityWebFilterChainFilter")
    @EnableWebFluxSecurity
    static class PlatformWebFluxSecurityConfiguration {
    }
}
