package org.ssoplatform.auth.device;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The device authorization response (RFC 8628 section 3.2) as the framework writes it, plus the polling
 * {@code interval} that {@link DevicePollingPace} enforces, and the verification page at the issuer's address
 * (the framework would take the host of the request, which behind a proxy is not the one people reach).
 */
final class DeviceAuthorizationResponses implements AuthenticationSuccessHandler {

    private final HttpMessageConverter<OAuth2DeviceAuthorizationResponse> json =
            new OAuth2DeviceAuthorizationResponseHttpMessageConverter();

    private final String verificationUri;

    private final Duration interval;

    DeviceAuthorizationResponses(String verificationUri, Duration interval) {
        this.verificationUri = verificationUri;
        this.interval = interval;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2DeviceAuthorizationRequestAuthenticationToken issued =
                (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
        OAuth2UserCode userCode = issued.getUserCode();
        OAuth2DeviceAuthorizationResponse answer = OAuth2DeviceAuthorizationResponse
            .with(issued.getDeviceCode(), userCode)
            .verificationUri(verificationUri)
            .verificationUriComplete(UriComponentsBuilder.fromUriString(verificationUri)
                .queryParam(OAuth2ParameterNames.USER_CODE, userCode.getTokenValue())
                .build()
                .toUriString())
            .interval(interval.toSeconds())
            .build();
        json.write(answer, null, new ServletServerHttpResponse(response));
    }
}
