package org.ssoplatform.resourceserver.servlet;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.PlatformJwtAuthenticationConverter;
import org.ssoplatform.resourceserver.PlatformResourceServerProperties;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** What one dependency and one property give a service, and how a service takes over any part of it. */
class ServletResourceServerAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ServletResourceServerAutoConfiguration.class))
        .withPropertyValues("platform.resource-server.issuer-uri=http://127.0.0.1:1/issuer");

    @Test
    void oneIssuerPropertyGivesADecoderAFilterChainAndTheConverter() {
        runner.run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(JwtDecoder.class)
            .hasSingleBean(SecurityFilterChain.class)
            .hasSingleBean(PlatformJwtAuthenticationConverter.class));
    }

    @Test
    void theDecoderRemembersVerifiedTokensUnlessTurnedOff() {
        runner.run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(CachingJwtDecoder.class));
        runner.withPropertyValues("platform.resource-server.verified-tokens=0")
            .run(context -> assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class));
    }

    @Test
    void refusesToStartWithoutAnIssuer() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServletResourceServerAutoConfiguration.class))
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("platform.resource-server.issuer-uri must be set"));
    }

    @Test
    void jwkSetUriDefaultsToTheIssuersStandardPath() {
        assertThat(properties("http://auth:9000", null).effectiveJwkSetUri()).isEqualTo("http://auth:9000/oauth2/jwks");
        assertThat(properties("http://auth:9000/", null).effectiveJwkSetUri()).isEqualTo("http://auth:9000/oauth2/jwks");
        assertThat(properties("http://localhost:9000", "http://auth-server:9000/oauth2/jwks").effectiveJwkSetUri())
            .isEqualTo("http://auth-server:9000/oauth2/jwks");
    }

    @Test
    void backsOffWhenTheServiceDefinesItsOwnDecoder() {
        runner.withUserConfiguration(OwnDecoder.class)
            .run(context -> assertThat(context).hasSingleBean(JwtDecoder.class)
                .doesNotHaveBean(NimbusJwtDecoder.class)
                .getBean(JwtDecoder.class)
                .isSameAs(context.getBean(OwnDecoder.class).decoder));
    }

    @Test
    void backsOffWhenTheServiceDefinesItsOwnFilterChain() {
        runner.withUserConfiguration(OwnChain.class)
            .run(context -> assertThat(context).hasSingleBean(SecurityFilterChain.class)
                .hasBean("ownChain")
                .doesNotHaveBean("platformResourceServerFilterChain"));
    }

    @Test
    void startsWhenTheServiceAlsoEnablesMethodSecurity() {
        runner.withUserConfiguration(OwnMethodSecurity.class).run(context -> assertThat(context).hasNotFailed());
    }

    private static PlatformResourceServerProperties properties(String issuer, String jwkSetUri) {
        return new PlatformResourceServerProperties(issuer, jwkSetUri, "platform-api", Duration.ZERO, List.of(),
                Duration.ofSeconds(3), 10_000);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoder {

        final JwtDecoder decoder = mock(JwtDecoder.class);

        @Bean
        JwtDecoder ownDecoder() {
            return decoder;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableMethodSecurity
    static class OwnMethodSecurity {
    }
}
