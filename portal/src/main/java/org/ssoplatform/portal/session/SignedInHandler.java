package org.ssoplatform.portal.session;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After signing in: notes when (for "sign out everywhere") and goes back to the page that asked for it, by its
 * path only — the portal sits behind the gateway, and the URL it saw is the gateway's backend address.
 */
public final class SignedInHandler implements AuthenticationSuccessHandler {

    private final RequestCache requests = new HttpSessionRequestCache();

    private final Clock clock;

    private final SignInMeters meters;

    public SignedInHandler(Clock clock, SignInMeters meters) {
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        SignInTime.record(request.getSession(), clock.millis());
        meters.succeeded();
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        response.sendRedirect(localPath(saved));
    }

    private static String localPath(SavedRequest saved) {
        if (saved == null) {
            return "/";
        }
        URI uri = URI.create(saved.getRedirectUrl());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            return "/";
        }
        String query = uri.getRawQuery();
        return query == null || query.equals("continue") ? path : path + "?" + query;
    }
}
