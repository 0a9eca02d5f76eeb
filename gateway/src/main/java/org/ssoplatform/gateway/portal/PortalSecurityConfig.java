package org.ssoplatform.gateway.portal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.server.WebFilter;
import org.ssoplatform.gateway.web.PathPatterns;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.web.ProblemAccessDeniedHandler;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import reactor.core.publisher.Mono;

/**
 * The portal chain: browser sessions (cookie, session in Redis) for the start page, the portal's own
 * paths and the OAuth2 login endpoints; the start page alone is open to anyone. Unauthenticated portal API calls get a 401 problem, not a redirect: the
 * portal's front end starts a login at {@code /oauth2/authorization/portal}. Writes need the
 * {@code XSRF-TOKEN} cookie echoed as {@code X-XSRF-TOKEN} (or a form's {@code _csrf}). Signing out
 * ({@code POST /logout}) ends the portal session, then sends the browser to auth-server's end-session
 * endpoint, which ends the auth-server session too and returns to the gateway's {@code /}. A session whose
 * user signed out everywhere ends at its next use ({@link RevocationCheckingContextRepository}).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfig {

    @Bean
    @Order(1)
    SecurityWebFilterChain portalSecurityFilterChain(ServerHttpSecurity http, PortalProperties portal,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ProblemEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDenied, CorsConfigurationSource cors,
            ReactiveClientRegistrationRepository registrations, ReactiveStringRedisTemplate redis, RedisKeys keys) {
        OidcClientInitiatedServerLogoutSuccessHandler signOutOfAuthServer =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        signOutOfAuthServer.setPostLogoutRedirectUri("{baseUrl}/");
        return http
            .securityMatcher(PortalPaths.ALL)
            .securityContextRepository(new RevocationCheckingContextRepository(redis, keys, Clock.systemUTC()))
            .authorizeExchange(exchanges -> exchanges.matchers(PathPatterns.of(StartPage.PATH)).permitAll()
                .anyExchange().authenticated())
            .oauth2Login(login -> login.authorizedClientRepository(authorizedClients)
                .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(portal.home()))
                .authenticationFailureHandler(new SignInFailure()))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                .accessDeniedHandler(accessDenied))
            .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
            .logout(logout -> logout.logoutSuccessHandler(signOutOfAuthServer))
            .cors(c -> c.configurationSource(cors))
            .headers(ServerHttpSecurity.HeaderSpec::disable) // written by config.SecurityHeaders
            .build();
    }

    /** The CSRF token is lazy; subscribing to it makes the cookie reach the browser. */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return (token != null ? token.then() : Mono.<Void>empty()).then(chain.filter(exchange));
        };
    }
}
