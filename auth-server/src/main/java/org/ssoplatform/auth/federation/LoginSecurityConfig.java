package org.ssoplatform.auth.federation;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;
import org.ssoplatform.auth.session.SignOuts;

/**
 * The browser sign-in: a login page listing the configured providers, and the provider callbacks. Spring
 * Security's providers exchange the code and read the user; {@link FederatedSignIn} then decides which of
 * our users it is, honouring only a link carried by the callback's own authorization request.
 */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfig {

    @Bean
    @Order(3)
    SecurityFilterChain loginSecurityFilterChain(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
            OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2Users,
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> providerCodeExchange,
            OAuth2AuthorizationRequestResolver authorizationRequests,
            AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingAuthorizationRequests,
            FederatedSignIn signIn, SignInFailures failures, SignOuts signOuts, Environment environment) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                .requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll()
                // Scraped on the management port only, which nothing public routes (management.server.port).
                .requestMatchers(ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                        ? EndpointRequest.to("prometheus") : request -> false).permitAll()
                .requestMatchers("/login", "/error", "/favicon.ico", "/ui/**").permitAll()
                .requestMatchers("/docs/**", "/swagger-ui/**", "/v3/api-docs/**", "/redoc", "/redoc.html",
                        "/webjars/redoc/**").permitAll()
                .anyRequest().authenticated())
            .oauth2Login(login -> login
                .loginPage("/login")
                .defaultSuccessUrl("/account")
                .failureHandler(failures)
                .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(authorizationRequests)
                    .authorizationRequestRepository(pendingAuthorizationRequests))
                .tokenEndpoint(token -> token.accessTokenResponseClient(providerCodeExchange))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers).userService(oauth2Users))
                .withObjectPostProcessor(completedBy(signIn)))
            .logout(logout -> logout.addLogoutHandler(signOuts.logout()));
        return http.build();
    }

    /** Spring Security's two login providers, each ending in {@link FederatedSignIn}. */
    private static ObjectPostProcessor<AuthenticationProvider> completedBy(FederatedSignIn signIn) {
        return new ObjectPostProcessor<>() {
            @Override
            @SuppressWarnings("unchecked")
            public <O extends AuthenticationProvider> O postProcess(O provider) {
                return (O) signIn.wrap(provider, FederatedSignIn.Flow.BROWSER);
            }
        };
    }
}
