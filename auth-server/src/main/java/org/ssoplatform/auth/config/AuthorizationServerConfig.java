package org.ssoplatform.auth.config;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.ssoplatform.auth.apikey.ApiKeyGrants;
import org.ssoplatform.auth.client.ConsentPageController;
import org.ssoplatform.auth.client.RotatedSecretAuthentication;
import org.ssoplatform.auth.device.DeviceSignIn;
import org.ssoplatform.auth.session.SignOuts;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.PublicGateway;
import org.ssoplatform.auth.token.AccessTokenExchangePolicy;
import org.ssoplatform.auth.token.ApiKeyExchangeAuthenticationProvider;
import org.ssoplatform.auth.token.ApiKeyExchangeRequestConverter;
import org.ssoplatform.auth.token.CurrentUserInfoMapper;
import org.ssoplatform.auth.token.IntrospectionPolicy;
import org.ssoplatform.auth.token.InvalidClientEntryPoint;
import org.ssoplatform.auth.token.StandardClaims;
import org.ssoplatform.auth.token.TokenEndpointCors;
import org.ssoplatform.auth.token.UserInfoErrors;
import org.ssoplatform.resourceserver.servlet.PlatformAuthenticationEntryPoint;

/** The OAuth 2.1 / OIDC endpoints, with clients, authorizations and consents in PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, ApiKeyGrants apiKeys,
            OAuth2TokenGenerator<?> tokenGenerator, StandardClaims standardClaims, AuthorizationServerSettings settings,
            SignOuts signOuts, PublicGateway gateway, DeviceSignIn deviceSignIn, RegisteredClientRepository clients,
            OAuth2AuthorizationService authorizations, PasswordEncoder clientSecrets) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(new OrRequestMatcher(authorizationServer.getEndpointsMatcher(),
                TokenEndpointCors.preflights(settings)))
            .with(authorizationServer, server -> server
                // After the framework's secret check: a secret rotated out still works during its grace period.
                .clientAuthentication(clientAuthentication -> clientAuthentication.authenticationProviders(
                        providers -> providers.add(new RotatedSecretAuthentication(clients, authorizations,
                                clientSecrets))))
                .authorizationEndpoint(authorization -> authorization.consentPage(ConsentPageController.PATH))
                .oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(new CurrentUserInfoMapper(standardClaims))
                    .errorResponseHandler(new UserInfoErrors()))
                    // RP-initiated logout (the portal's sign-out) ends the auth-server session too, audited.
                    .logoutEndpoint(logout -> logout.logoutResponseHandler(signOuts.rpInitiatedLogout())))
                .tokenEndpoint(token -> token.accessTokenRequestConverter(new ApiKeyExchangeRequestConverter())
                    .authenticationProvider(new ApiKeyExchangeAuthenticationProvider(apiKeys, tokenGenerator))
                    .authenticationProviders(providers -> {
                        providers.replaceAll(AccessTokenExchangePolicy::applyTo);
                        providers.replaceAll(deviceSignIn::paced);
                    })
                    .errorResponseHandler(deviceSignIn.tokenErrors()))
                // CLI sign-in (RFC 8628): the public client "cli" polls while its person approves in a browser.
                .clientAuthentication(deviceSignIn::clientAuthentication)
                .deviceAuthorizationEndpoint(deviceSignIn::authorizationEndpoint)
                .deviceVerificationEndpoint(deviceSignIn::verificationEndpoint)
                .tokenIntrospectionEndpoint(introspection -> introspection
                    .authenticationProviders(providers -> providers.replaceAll(IntrospectionPolicy::applyTo))))
            .addFilterAfter(deviceSignIn.verificationCsrf(), CsrfFilter.class)
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .cors(cors -> cors.configurationSource(TokenEndpointCors.of(gateway, settings)))
            // Clients that sent no credentials get the OAuth error; browsers go to the login page; other
            // API callers (Accept without text/html, e.g. UserInfo) get a bearer 401 they can read.
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(new InvalidClientEntryPoint(), clientAuthenticatedEndpoints(settings))
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers())
                .defaultAuthenticationEntryPointFor(new PlatformAuthenticationEntryPoint(), AnyRequestMatcher.INSTANCE))
            .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    private static RequestMatcher clientAuthenticatedEndpoints(AuthorizationServerSettings settings) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(HttpMethod.POST, settings.getTokenEndpoint()),
                paths.matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint()),
                paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()),
                paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()));
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }
}
