package org.ssoplatform.portal.config;

import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.ssoplatform.portal.session.SessionRevocationFilter;
import org.ssoplatform.portal.session.SignInMeters;
import org.ssoplatform.portal.session.SignedInHandler;

/**
 * Who may see what: the start page, the shared look and the portal's own assets are open; every other page
 * needs a sign-in through auth-server ({@code /portal/oauth2/authorization/portal}). Every form carries the
 * CSRF token (Thymeleaf adds it). The Content-Security-Policy allows the app's own scripts and styles only;
 * forms may also lead to auth-server, where signing out ends.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String SIGN_IN = "/portal/oauth2/authorization/" + PortalProperties.REGISTRATION_ID;

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, PortalProperties portal,
            OAuth2AuthorizedClientRepository authorizedClients, LogoutSuccessHandler signOutOfAuthServer,
            StringRedisTemplate redis, @Value("${platform.redis.namespace}") String namespace, MeterRegistry meterRegistry,
            Environment environment) throws Exception {
        SignInMeters signIns = new SignInMeters(meterRegistry);
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/", "/ui/**", "/portal/assets/**", "/error", "/portal/forbidden", "/favicon.ico")
                .permitAll()
                .requestMatchers(EndpointRequest.to("health", "info")).permitAll()
                .requestMatchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, "health")).permitAll()
                // Scraped on the management port only, which nothing public routes (management.server.port).
                .requestMatchers(ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                        ? EndpointRequest.to("prometheus") : request -> false).permitAll()
                .anyRequest()
                .authenticated())
            .oauth2Login(login -> login.loginPage(SIGN_IN)
                .authorizationEndpoint(endpoint -> endpoint.baseUri("/portal/oauth2/authorization"))
                .redirectionEndpoint(endpoint -> endpoint.baseUri(ClientConfig.CALLBACK))
                .authorizedClientRepository(authorizedClients)
                .successHandler(new SignedInHandler(Clock.systemUTC(), signIns))
                .failureHandler(signIns.countingFailures(new SimpleUrlAuthenticationFailureHandler("/?sign-in-failed"))))
            .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                    (request, response, ex) -> response.sendRedirect(SIGN_IN), request -> true)
                .accessDeniedPage("/portal/forbidden"))
            .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessHandler(signOutOfAuthServer))
            .addFilterAfter(new SessionRevocationFilter(redis, namespace), SecurityContextHolderFilter.class)
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(portal)))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
            .build();
    }

    /** Ends the portal session, then sends the browser to auth-server's end-session endpoint and back to the start page. */
    @Bean
    LogoutSuccessHandler signOutOfAuthServer(ClientRegistrationRepository registrations, PortalProperties portal) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri(portal.publicUrl("/"));
        return handler;
    }

    static String contentSecurityPolicy(PortalProperties portal) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
                + origin(portal.issuer());
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
