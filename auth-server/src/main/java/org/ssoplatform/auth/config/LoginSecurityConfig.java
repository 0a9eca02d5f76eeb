package org.ssoplatform.auth.config;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;

/** The browser sign-in: a login page listing the configured providers, and the provider callbacks. */
@Configuration(proxyBeanMethods = false)
class LoginSecurityConfig {

    @Bean
    @Order(3)
    SecurityFilterChain loginSecurityFilterChain(HttpSecurity http, OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers,
            OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2Users,
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> providerCodeExchange) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                .requestMatchers("/docs/**", "/swagger-ui/**", "/v3/api-docs/**", "/redoc", "/redoc.html",
                        "/webjars/redoc/**").permitAll()
                .anyRequest().authenticated())
            .oauth2Login(login -> login
                .loginPage("/login")
                .defaultSuccessUrl("/account")
                .tokenEndpoint(token -> token.accessTokenResponseClient(providerCodeExchange))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers).userService(oauth2Users)))
            .logout(Customizer.withDefaults());
        return http.build();
    }
}
