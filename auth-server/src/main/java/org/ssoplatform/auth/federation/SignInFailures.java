package org.ssoplatform.auth.federation;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.audit.AuditLog;

/**
 * A refused browser sign-in: written to the audit trail (provider and the reason's code, never the
 * authorization code or a token), then the login page with the reason's public code ({@link SignInError}).
 */
@Component
class SignInFailures implements AuthenticationFailureHandler {

    private static final String CALLBACK_PREFIX = "/login/oauth2/code/";

    private final AuditLog audit;

    private final SignInMeters meters;

    SignInFailures(AuditLog audit, SignInMeters meters) {
        this.meters = meters;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String provider = path.startsWith(CALLBACK_PREFIX) ? path.substring(CALLBACK_PREFIX.length()) : "unknown";
        recordFailure(audit, meters, provider, reason(failure), FederatedSignIn.Flow.BROWSER);
        // The refusal itself stays in the session (its message may name the account); the URL carries a code.
        request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
        String page = UriComponentsBuilder.fromPath(request.getContextPath() + "/login")
            .queryParam("error", SignInError.codeOf(failure))
            .queryParamIfPresent("provider", Optional.of(provider).filter(id -> !id.equals("unknown")))
            .encode()
            .build()
            .toUriString();
        response.sendRedirect(page);
    }

    static void recordFailure(AuditLog audit, SignInMeters meters, String provider, String reason,
            FederatedSignIn.Flow flow) {
        meters.failed(provider);
        String target = provider.length() > 64 ? provider.substring(0, 64) : provider;
        audit.recordEvent(null, "auth.sign_in_failed", "provider", target,
                Map.of("provider", target, "reason", reason, "flow", flow.auditName()));
    }

    private static String reason(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth2 && oauth2.getError() != null) {
            String code = oauth2.getError().getErrorCode();
            return code.length() > 64 ? code.substring(0, 64) : code;
        }
        return "authentication_failed";
    }
}
