package org.ssoplatform.resourceserver.servlet;

import java.util.List;

import org.ssoplatform.resourceserver.PlatformJwtAuthenticationConverter;
import org.ssoplatform.resourceserver.PlatformJwtValidators;
import org.ssoplatform.resourceserver.PlatformResourceServerProperties;
import org.ssoplatform.resourceserver.VerifiedTokenCache;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.util.Assert;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Makes a servlet service a resource server of the platform from one property, {@code issuer-uri}. */
// Before Boot's own chains, so that ours is the one a service gets unless it defines its own.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, WebMvcConfigurer.class })
@EnableConfigurationProperties(PlatformResourceServerProperties.class)
@Import(ServletMethodSecurityConfiguration.class)
public class ServletResourceServerAutoConfiguration {

    /**
     * Keys come from the JWKS on first use, not at startup, so the service starts while auth-server is down.
     * Only RS256 (the decoder's default) is accepted, which also rules out {@code alg: none}. A token that passed is
     * remembered until its expiry ({@code verified-tokens}).
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder platformJwtDecoder(PlatformResourceServerProperties properties) {
        Assert.hasText(properties.issuerUri(), "platform.resource-server.issuer-uri must be set");
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.jwksTimeout());
        requests.setReadTimeout(properties.jwksTimeout());
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .restOperations(new RestTemplate(requests))
            .build();
        decoder.setJwtValidator(PlatformJwtValidators.of(properties));
        return properties.verifiedTokens() > 0
                ? new CachingJwtDecoder(decoder, new VerifiedTokenCache(properties.verifiedTokens()))
                : decoder;
    }

    /**
     * Spring Security observes every filter, authentication and authorization: with them, a bearer request cost
     * several times its added CPU in observation decorators (docs/performance.md#resource-services). The
     * {@code http.server.requests} metrics and traces stay; a service that wants Spring Security's spans defines its own.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings platformSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The strict firewall's rules, with a fast path for printable ASCII ({@link PlatformFirewall}). */
    @Bean
    @ConditionalOnMissingBean
    HttpFirewall platformHttpFirewall() {
        return PlatformFirewall.create();
    }

    @Bean
    @ConditionalOnMissingBean
    PlatformJwtAuthenticationConverter platformJwtAuthenticationConverter() {
        return new PlatformJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformResourceServerFilterChain(HttpSecurity http, PlatformResourceServerProperties properties,
            JwtDecoder decoder, PlatformJwtAuthenticationConverter converter, Environment environment) throws Exception {
        AuthenticationEntryPoint entryPoint = new PlatformAuthenticationEntryPoint();
        PlatformAccessDeniedHandler accessDenied = new PlatformAccessDeniedHandler();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(EndpointRequest.to("health", "info")).permitAll();
            requests.requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll();
            // Metrics are public only on a management port of their own, which nothing public routes.
            if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
                requests.requestMatchers(EndpointRequest.to("prometheus")).permitAll();
            }
            properties.publicPaths().forEach(path -> requests.requestMatchers(path).permitAll());
            requests.anyRequest().authenticated();
        })
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied)
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .withObjectPostProcessor(answerUnreachableJwksWith503(entryPoint)));
        return http.build();
    }

    /**
     * By default the bearer filter rethrows an AuthenticationServiceException (JWKS unreachable) as a 500;
     * handing it to the entry point answers 503 instead, as for any dependency that is down.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answerUnreachableJwksWith503(
            AuthenticationEntryPoint entryPoint) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(entryPoint);
                failures.setRethrowAuthenticationServiceException(false);
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }

    @Bean
    WebMvcConfigurer platformCallerArgumentResolverConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PlatformCallerArgumentResolver());
            }
        };
    }

    /** As Boot does, for contexts (test slices) that load this library without Boot's web security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(name = "springSecurityFilterChain")
    @EnableWebSecurity
    static class PlatformWebSecurityConfiguration {
    }
}
