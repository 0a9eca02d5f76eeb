package org.ssoplatform.auth.token;

import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.ssoplatform.auth.apikey.ApiKeyGrants;
import org.ssoplatform.auth.apikey.ApiKeyPrincipal;

/**
 * Exchanges an API key for a short-lived access token carrying the key's grants. Nothing is
 * written per exchange: the token is self-contained, and revocation works by the gateways
 * dropping their cached token when auth-server publishes an invalidation.
 */
public class ApiKeyExchangeAuthenticationProvider implements AuthenticationProvider {

    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final ApiKeyGrants keys;

    private final OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator;

    public ApiKeyExchangeAuthenticationProvider(ApiKeyGrants keys,
            OAuth2TokenGenerator<? extends OAuth2Token> tokenGenerator) {
        this.keys = keys;
        this.tokenGenerator = tokenGenerator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiKeyExchangeAuthenticationToken request = (ApiKeyExchangeAuthenticationToken) authentication;
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient registeredClient = client.getRegisteredClient();
        if (registeredClient == null
                || !registeredClient.getAuthorizationGrantTypes().contains(AuthorizationGrantType.TOKEN_EXCHANGE)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        ApiKeyPrincipal key = keys.resolve(request.apiKey())
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
        OAuth2Token token = tokenGenerator.generate(DefaultOAuth2TokenContext.builder()
            .registeredClient(registeredClient)
            .principal(key)
            .authorizationServerContext(AuthorizationServerContextHolder.getContext())
            .authorizedScopes(Set.of())
            .tokenType(OAuth2TokenType.ACCESS_TOKEN)
            .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
            .authorizationGrant(request)
            .build());
        if (token == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.SERVER_ERROR);
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token.getTokenValue(),
                token.getIssuedAt(), token.getExpiresAt());
        return new OAuth2AccessTokenAuthenticationToken(registeredClient, client, accessToken, null,
                Map.of(OAuth2ParameterNames.ISSUED_TOKEN_TYPE, ACCESS_TOKEN_TYPE));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyExchangeAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
