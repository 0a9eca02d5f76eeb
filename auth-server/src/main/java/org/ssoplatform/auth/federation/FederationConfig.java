package org.ssoplatform.auth.federation;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.web.client.RestClient;
import org.ssoplatform.auth.shared.AuthServerProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OAuth2ClientProperties.class, FederationProperties.class })
class FederationConfig {

    /**
     * Providers come from the standard {@code spring.security.oauth2.client.*} properties; unlike
     * Boot's own bean this one also exists with none configured (an empty login page, not a crash), and
     * one whose discovery fails is retried rather than stopping the start-up.
     */
    @Bean
    Providers clientRegistrationRepository(OAuth2ClientProperties properties, FederationProperties federation) {
        return new Providers(properties, new ProviderHttp(federation.providerDiscoveryTimeout()).restClient());
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

    /**
     * The configured providers. One with an {@code issuer-uri} whose discovery document cannot be fetched is
     * unavailable, not fatal: the others serve, and it is tried again every
     * {@code platform.auth.provider-retry-interval} until it answers. Discovery is first probed with
     * {@code platform.auth.provider-discovery-timeout}, since Spring Security's own discovery client waits up to
     * 30 s for a silent host.
     */
    static final class Providers implements ClientRegistrationRepository, Iterable<ClientRegistration>,
            ProviderAvailability {

        private static final Logger log = LoggerFactory.getLogger(Providers.class);

        private final OAuth2ClientProperties properties;

        private final RestClient http;

        private final List<String> configured;

        private final Map<String, ClientRegistration> available = new ConcurrentHashMap<>();

        Providers(OAuth2ClientProperties properties, RestClient http) {
            this.properties = properties;
            this.http = http;
            this.configured = List.copyOf(properties.getRegistration().keySet());
            configured.forEach(this::resolve);
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            return registrationId == null ? null : available.get(registrationId);
        }

        /** The available providers, in configuration order. */
        @Override
        public Iterator<ClientRegistration> iterator() {
            return configured.stream().map(available::get).filter(Objects::nonNull).toList().iterator();
        }

        @Override
        public boolean isAvailable(String registrationId) {
            return registrationId != null && available.containsKey(registrationId);
        }

        @Override
        public List<String> unavailableNames() {
            return configured.stream().filter(id -> !available.containsKey(id)).map(this::displayName).toList();
        }

        boolean isConfigured(String registrationId) {
            return configured.contains(registrationId);
        }

        @Scheduled(fixedDelayString = "${platform.auth.provider-retry-interval:5s}",
                initialDelayString = "${platform.auth.provider-retry-interval:5s}")
        void retryUnavailable() {
            configured.stream().filter(id -> !available.containsKey(id)).forEach(this::resolve);
        }

        private void resolve(String id) {
            OAuth2ClientProperties.Registration registration = properties.getRegistration().get(id);
            String providerId = registration.getProvider() != null ? registration.getProvider() : id;
            OAuth2ClientProperties.Provider provider = properties.getProvider().get(providerId);
            String issuer = provider != null ? provider.getIssuerUri() : null;
            try {
                if (issuer != null) {
                    probe(issuer);
                }
                OAuth2ClientProperties one = new OAuth2ClientProperties();
                one.getRegistration().put(id, registration);
                if (provider != null) {
                    one.getProvider().put(providerId, provider);
                }
                available.put(id, new OAuth2ClientPropertiesMapper(one).asClientRegistrations().get(id));
                if (issuer != null) {
                    log.info("Identity provider '{}' is available", id);
                }
            }
            catch (RuntimeException ex) {
                if (issuer == null) {
                    throw ex; // a configuration error, not an outage
                }
                log.warn("Identity provider '{}' is unavailable: its discovery document at {} could not be fetched ({});"
                        + " retrying", id, issuer, ex.getClass().getSimpleName());
            }
        }

        /** Any answer will do: the discovery client takes it from there (it also tries the RFC 8414 locations). */
        private void probe(String issuer) {
            http.get()
                .uri(issuer.replaceFirst("/$", "") + "/.well-known/openid-configuration")
                .exchange((request, response) -> response.getStatusCode());
        }

        private String displayName(String id) {
            String name = properties.getRegistration().get(id).getClientName();
            return name != null ? name : id;
        }
    }
}
