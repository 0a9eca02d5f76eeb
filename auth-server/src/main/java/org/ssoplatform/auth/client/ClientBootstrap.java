package org.ssoplatform.auth.client;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.SecretStrength;
import org.ssoplatform.auth.token.AccessTokenExchangePolicy;
import org.ssoplatform.auth.token.IntrospectionPolicy;

/**
 * Registers the configured clients at start-up, idempotently: an existing client keeps its internal
 * id and is updated to the configuration, so any number of instances may start at once.
 */
class ClientBootstrap implements ApplicationRunner {

    private static final Set<String> MACHINE_GRANTS = Set.of(
            AuthorizationGrantType.CLIENT_CREDENTIALS.getValue(), AuthorizationGrantType.TOKEN_EXCHANGE.getValue());

    private static final Logger log = LoggerFactory.getLogger(ClientBootstrap.class);

    private final RegisteredClientRepository clients;

    private final ClientProperties properties;

    private final AuthServerProperties auth;

    private final PasswordEncoder encoder;

    public ClientBootstrap(RegisteredClientRepository clients, ClientProperties properties, AuthServerProperties auth,
            PasswordEncoder encoder) {
        this.clients = clients;
        this.properties = properties;
        this.auth = auth;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Map.Entry<String, ClientProperties.Client> entry : properties.clients().entrySet()) {
            String clientId = entry.getKey();
            RegisteredClient existing = clients.findByClientId(clientId);
            clients.save(toRegisteredClient(clientId, entry.getValue(), existing));
            log.info("Client '{}' {}", clientId, existing == null ? "registered" : "updated");
        }
    }

    RegisteredClient toRegisteredClient(String clientId, ClientProperties.Client client, RegisteredClient existing) {
        RegisteredClient.Builder builder = RegisteredClient
            .withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
            .clientId(clientId)
            .clientName(client.name() != null ? client.name() : clientId);
        if (client.isPublic()) {
            if (client.grantTypes().stream().anyMatch(MACHINE_GRANTS::contains)) {
                throw new IllegalStateException("Client '" + clientId + "' uses " + client.grantTypes()
                        + " and so needs a secret: " + SecretStrength.GENERATE_HEX);
            }
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        else {
            SecretStrength.require("The secret of client '" + clientId + "' (platform.clients." + clientId + ".secret)",
                    client.secret(), SecretStrength.GENERATE_HEX);
            builder.clientSecret(encoder.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.grantTypes().forEach(grant -> builder.authorizationGrantType(new AuthorizationGrantType(grant)));
        client.redirectUris().forEach(builder::redirectUri);
        client.postLogoutRedirectUris().forEach(builder::postLogoutRedirectUri);
        client.scopes().forEach(builder::scope);
        boolean usesCode = client.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue());
        return builder
            .clientSettings(ClientSettings.builder()
                .requireProofKey(usesCode)
                .requireAuthorizationConsent(client.requireConsent())
                .setting(IntrospectionPolicy.ANY_TOKEN, client.introspectsAnyToken())
                .setting(AccessTokenExchangePolicy.EXCHANGES_ACCESS_TOKENS, client.exchangesAccessTokens())
                .build())
            .tokenSettings(TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(client.accessTokenTtl() != null ? client.accessTokenTtl() : auth.accessTokenTtl())
                .refreshTokenTimeToLive(auth.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build())
            .build();
    }
}
