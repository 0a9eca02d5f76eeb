package org.ssoplatform.auth.federation;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.ssoplatform.auth.shared.AuthServerProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ClientProperties.class, FederationProperties.class })
class FederationConfig {

    /**
     * Providers come from the standard {@code spring.security.oauth2.client.*} properties; unlike
     * Boot's own bean this one also exists with none configured (an empty login page, not a crash).
     */
    @Bean
    Providers clientRegistrationRepository(OAuth2ClientProperties properties) {
        return new Providers(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
    }

    /** Also picked up by the browser sign-in ({@code oauth2Login}), which looks for this bean type. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
        return new IdTokenDecoders();
    }

    @Bean
    ProviderHttp providerHttp(AuthServerProperties properties) {
        return new ProviderHttp(properties.providerTimeout());
    }

    /** The providers' token endpoint, for the browser sign-in ({@code oauth2Login}) and the JSON login. */
    @Bean
    OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> providerCodeExchange(ProviderHttp http) {
        return http.codeExchange();
    }

    @Bean
    FederatedOidcUserService federatedOidcUserService(FederationProperties properties, ProviderHttp http) {
        return new FederatedOidcUserService(properties, http.userInfo());
    }

    @Bean
    FederatedOAuth2UserService federatedOAuth2UserService(FederationProperties properties, ProviderHttp http) {
        return new FederatedOAuth2UserService(properties, http.userInfo(), new GitHubEmails(http.restClient()));
    }

    @Bean
    FederatedSignIn federatedSignIn(UserProvisioner provisioner) {
        return new FederatedSignIn(provisioner, Clock.systemUTC());
    }

    /**
     * Where a browser's pending authorization request waits for its callback: the one request of the
     * session, removed by the callback whose {@code state} it carries (so also a link made with it).
     */
    @Bean
    AuthorizationRequestRepository<OAuth2AuthorizationRequest> authorizationRequests() {
        return new HttpSessionOAuth2AuthorizationRequestRepository();
    }

    @Bean
    OAuth2AuthorizationRequestResolver authorizationRequestResolver(Providers providers) {
        return new SignInRequests(providers);
    }

    record Providers(Map<String, ClientRegistration> registrations)
            implements ClientRegistrationRepository, Iterable<ClientRegistration> {

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            return registrations.get(registrationId);
        }

        @Override
        public Iterator<ClientRegistration> iterator() {
            return List.copyOf(registrations.values()).iterator();
        }
    }
}
