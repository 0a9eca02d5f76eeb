package org.ssoplatform.gateway.portal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.ssoplatform.gateway.config.GatewayProperties;

/**
 * The portal as an OAuth client of auth-server, declared in code rather than discovered: the
 * browser goes to the public issuer, the gateway talks to auth-server's internal address, and
 * nothing is fetched at start-up, so the gateway starts while auth-server is down. PKCE is on even
 * though the client is confidential (auth-server requires it). Tokens live in the session, which
 * lives in Redis, so any instance can relay them and they never reach the browser.
 */
@Configuration(proxyBeanMethods = false)
class PortalClientConfig {

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(GatewayProperties gateway, PortalProperties portal) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(PortalProperties.REGISTRATION_ID)
            .clientId(portal.clientId())
            .clientSecret(portal.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope(portal.scopes())
            .issuerUri(gateway.authIssuer())
            .authorizationUri(gateway.authIssuer().replaceAll("/+$", "") + "/oauth2/authorize")
            .tokenUri(gateway.authServer("/oauth2/token").toString())
            .jwkSetUri(gateway.authServer("/oauth2/jwks").toString())
            .userInfoUri(gateway.authServer("/userinfo").toString())
            // Where the browser goes to sign out of auth-server too (OIDC RP-initiated logout).
            .providerConfigurationMetadata(Map.of("end_session_endpoint",
                    gateway.authIssuer().replaceAll("/+$", "") + "/connect/logout"))
            .userNameAttributeName("sub")
            .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .clientName("Login portal")
            .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by the {@code TokenRelay} filter: hands out the session's access token, refreshed when due. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken()
            .build());
        return manager;
    }
}
