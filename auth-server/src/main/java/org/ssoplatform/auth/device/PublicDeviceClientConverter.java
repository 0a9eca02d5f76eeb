package org.ssoplatform.auth.device;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * Reads the client of a device flow request that carries no credentials, only {@code client_id} (RFC 8628
 * sections 3.1 and 3.4): the device authorization request and the device access token request. The framework
 * authenticates public clients only by PKCE, which the device flow has no place for. A request with credentials
 * (Basic, {@code client_secret}, an assertion) is left to the framework's own converters.
 */
final class PublicDeviceClientConverter implements AuthenticationConverter {

    private final RequestMatcher deviceAuthorizationRequest;

    private final RequestMatcher tokenRequest;

    PublicDeviceClientConverter(String deviceAuthorizationEndpoint, String tokenEndpoint) {
        this.deviceAuthorizationRequest = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, deviceAuthorizationEndpoint);
        this.tokenRequest = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, tokenEndpoint);
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!deviceAuthorizationRequest.matches(request) && !deviceAccessTokenRequest(request)) {
            return null;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
            return null;
        }
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null) {
            return null;
        }
        if (clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new PublicDeviceClientToken(clientIds[0]);
    }

    private boolean deviceAccessTokenRequest(HttpServletRequest request) {
        return tokenRequest.matches(request)
                && AuthorizationGrantType.DEVICE_CODE.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
    }
}
