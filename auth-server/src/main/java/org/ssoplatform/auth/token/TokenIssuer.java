package org.ssoplatform.auth.token;

import java.security.Principal;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.stereotype.Component;

/**
 * Issues an access token for a signed-in user outside the standard endpoints (the seed's JSON
 * login), through the same generator and customizer, and records it as an authorization so it can
 * be introspected and revoked like any other.
 */
@Component
public class TokenIssuer {

    private static final Set<String> SCOPES = Set.of("openid", "profile", "email");

    private final OAuth2TokenGenerator<? extends OAuth2Token> generator;

    private final OAuth2AuthorizationService authorizations;

    private final RegisteredClientRepository clients;

    private final AuthorizationServerContext server;

    TokenIssuer(OAuth2TokenGenerator<? extends OAuth2Token> generator, OAuth2AuthorizationService authorizations,
            RegisteredClientRepository clients, AuthorizationServerSettings settings) {
        this.generator = generator;
        this.authorizations = authorizations;
        this.clients = clients;
        this.server = new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return settings.getIssuer();
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        };
    }

    public OAuth2AccessToken issue(String clientId, Authentication user) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new IllegalStateException("Client '" + clientId + "' is not registered");
        }
        OAuth2Token generated = generator.generate(DefaultOAuth2TokenContext.builder()
            .registeredClient(client)
            .principal(user)
            .authorizationServerContext(server)
            .authorizedScopes(SCOPES)
            .tokenType(OAuth2TokenType.ACCESS_TOKEN)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .build());
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, generated.getTokenValue(),
                generated.getIssuedAt(), generated.getExpiresAt(), SCOPES);
        authorizations.save(OAuth2Authorization.withRegisteredClient(client)
            .principalName(user.getName())
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizedScopes(SCOPES)
            .attribute(Principal.class.getName(), user)
            .token(token, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                    ((Jwt) generated).getClaims()))
            .build());
        return token;
    }
}
