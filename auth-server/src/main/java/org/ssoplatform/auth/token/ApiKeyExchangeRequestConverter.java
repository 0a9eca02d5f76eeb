package org.ssoplatform.auth.token;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.ssoplatform.contract.ApiKeyFormat;

/**
 * Reads token-exchange requests whose subject is an API key; every other token request is left
 * to the authorization server's own converters.
 */
public class ApiKeyExchangeRequestConverter implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!AuthorizationGrantType.TOKEN_EXCHANGE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                || !ApiKeyFormat.TOKEN_TYPE
                    .equals(request.getParameter(OAuth2ParameterNames.SUBJECT_TOKEN_TYPE))) {
            return null;
        }
        String[] subjectTokens = request.getParameterValues(OAuth2ParameterNames.SUBJECT_TOKEN);
        if (subjectTokens == null || subjectTokens.length != 1 || subjectTokens[0].isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "OAuth 2.0 Token Exchange parameter: subject_token", null));
        }
        return new ApiKeyExchangeAuthenticationToken(subjectTokens[0],
                SecurityContextHolder.getContext().getAuthentication());
    }
}
