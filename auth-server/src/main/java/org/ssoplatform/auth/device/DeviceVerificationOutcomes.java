package org.ssoplatform.auth.device;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the device verification endpoint sends the person's browser: the "approved" page, the "denied" page, or
 * back to the code page saying the code was wrong. A {@code GET} with a code (a link someone sent) only fills the
 * code page in: the code is submitted from there, by a {@code POST} with the page's CSRF token.
 */
final class DeviceVerificationOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        redirects.sendRedirect(request, response, DevicePageController.APPROVED);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (HttpMethod.GET.matches(request.getMethod())) {
            redirects.sendRedirect(request, response, codePage(request.getParameter(OAuth2ParameterNames.USER_CODE)));
            return;
        }
        boolean denied = exception instanceof OAuth2AuthenticationException oauth2
                && OAuth2ErrorCodes.ACCESS_DENIED.equals(oauth2.getError().getErrorCode());
        redirects.sendRedirect(request, response, denied ? DevicePageController.DENIED : DevicePageController.PATH + "?error");
    }

    private static String codePage(String userCode) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath(DevicePageController.PATH);
        if (DevicePageController.looksLikeAUserCode(userCode)) {
            page.queryParam(OAuth2ParameterNames.USER_CODE, userCode);
        }
        return page.encode().build().toUriString();
    }
}
