package org.ssoplatform.resourceserver.reactive;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.PlatformJwtAuthenticationConverter;
import org.ssoplatform.resourceserver.servlet.ServletResourceServerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** The application type picks the side: a WebFlux service gets the reactive beans only, a servlet one none of them. */
class ReactiveResourceServerAutoConfigurationTests {

    private static final AutoConfigurations BOTH_SIDES = AutoConfigurations.of(
            ServletResourceServerAutoConfiguration.class, ReactiveResourceServerAutoConfiguration.class);

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
        .withConfiguration(BOTH_SIDES)
        .withPropertyValues("platform.resource-server.issuer-uri=http://127.0.0.1:1/issuer");

    @Test
    void aWebFluxServiceGetsAReactiveDecoderAWebFilterChainAndTheConverter() {
        runner.run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(ReactiveJwtDecoder.class)
            .hasSingleBean(SecurityWebFilterChain.class)
            .hasSingleBean(PlatformJwtAuthenticationConverter.class)
            .doesNotHaveBean(JwtDecoder.class)
            .doesNotHaveBean(SecurityFilterChain.class));
    }

    @Test
    void theDecoderRemembersVerifiedTokensUnlessTurnedOff() {
        runner.run(context -> assertThat(context.getBean(ReactiveJwtDecoder.class))
            .isInstanceOf(CachingReactiveJwtDecoder.class));
        runner.withPropertyValues("platform.resource-server.verified-tokens=0")
            .run(context -> assertThat(context.getBean(ReactiveJwtDecoder.class))
                .isInstanceOf(NimbusReactiveJwtDecoder.class));
    }

    @Test
    void aServletServiceGetsNoneOfTheReactiveBeans() {
        new WebApplicationContextRunner().withConfiguration(BOTH_SIDES)
            .withPropertyValues("platform.resource-server.issuer-uri=http://127.0.0.1:1/issuer")
            .run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(JwtDecoder.class)
                .hasSingleBean(SecurityFilterChain.class)
                .doesNotHaveBean(ReactiveJwtDecoder.class)
                .doesNotHaveBean(SecurityWebFilterChain.class));
    }

    @Test
    void refusesToStartWithoutAnIssuer() {
        new ReactiveWebApplicationContextRunner().withConfiguration(BOTH_SIDES)
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("platform.resource-server.issuer-uri must be set"));
    }

    @Test
    void backsOffWhenTheServiceDefinesItsOwnDecoderOrChain() {
        runner.withUserConfiguration(OwnDecoderAndChain.class)
            .run(context -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class)
                .hasBean("ownDecoder")
                .hasSingleBean(SecurityWebFilterChain.class)
                .hasBean("ownChain")
                .doesNotHaveBean("platformResourceServerWebFilterChain"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDecoderAndChain {

        @Bean
        ReactiveJwtDecoder ownDecoder() {
            return NimbusReactiveJwtDecoder.withJwkSetUri("http://127.0.0.1:1/jwks").build();
        }

        @Bean
        SecurityWebFilterChain ownChain(ServerHttpSecurity http) {
            return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
        }
    }
}
