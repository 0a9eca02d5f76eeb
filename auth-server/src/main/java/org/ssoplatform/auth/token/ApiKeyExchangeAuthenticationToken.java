package org.ssoplatform.auth.token;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token-exchange request whose subject token is an API key (RFC 8693 with our token type). */
class ApiKeyExchangeAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String apiKey;

    ApiKeyExchangeAuthenticationToken(String apiKey, Authentication clientPrincipal) {
        super(AuthorizationGrantType.TOKEN_EXCHANGE, clientPrincipal, Map.of());
        this.apiKey = apiKey;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}
