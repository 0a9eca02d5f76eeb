package org.ssoplatform.portal.config;

import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The portal as an OAuth client of auth-server, declared in code rather than discovered: the browser goes
 * to the public issuer, the portal talks to auth-server's own address, and nothing is fetched at start-up,
 * so the portal starts while auth-server is down. PKCE is on although the client is confidential
 * (auth-server requires it). Tokens live in the session, which lives in Redis, and never reach the browser.
 */
@Configuration(proxyBeanMethods = false)
class ClientConfig {

    /** Where auth-server sends the browser back with the code: under /portal/**, which the gateway routes here. */
    static final String CALLBACK = "/portal/login/oauth2/code/*";

    @Bean
    ClientRegistrationRepository clientRegistrations(PortalProperties portal) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(PortalProperties.REGISTRATION_ID)
            .clientId(portal.clientId())
            .clientSecret(portal.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(portal.publicUrl("/portal/login/oauth2/code/{registrationId}"))
            .scope(portal.scopes())
            .issuerUri(portal.issuer())
            .authorizationUri(portal.issuerUrl("/oauth2/authorize"))
            .tokenUri(portal.api("/oauth2/token").toString())
            .jwkSetUri(portal.api("/oauth2/jwks").toString())
            .userInfoUri(portal.api("/userinfo").toString())
            // Where the browser goes to sign out of auth-server too (OIDC RP-initiated logout).
            .providerConfigurationMetadata(Map.of("end_session_endpoint", portal.issuerUrl("/connect/logout")))
            .userNameAttributeName("sub")
            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .clientName("Login portal")
            .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /**
     * Hands out the session's access token, refreshed with the refresh token when due. A refresh that brings a
     * new ID token is published, so that the signed-in user in the session is replaced by the refreshed one
     * (Spring Security's listeners, registered by {@code oauth2Login}).
     */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, PortalProperties portal,
            ApplicationEventPublisher events) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClockSkew(portal.refreshMargin());
        refresh.setApplicationEventPublisher(events);
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(
                OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().provider(refresh).build());
        return manager;
    }
}
