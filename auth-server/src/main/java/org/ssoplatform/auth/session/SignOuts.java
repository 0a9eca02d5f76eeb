package org.ssoplatform.auth.session;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.ssoplatform.auth.audit.AuditLog;

/** Sign-outs of an auth-server browser session, each written to the audit trail. */
@Component
public class SignOuts {

    private final AuditLog audit;

    SignOuts(AuditLog audit) {
        this.audit = audit;
    }

    /** For auth-server's own {@code POST /logout}: records the sign-out; Spring's handlers end the session. */
    public LogoutHandler logout() {
        return (request, response, authentication) -> record(authentication, "logout", null);
    }

    /**
     * For OIDC RP-initiated logout ({@code /connect/logout}, the portal's sign-out): ends the session the
     * browser has here, records it with the client that asked, and returns to the client's registered
     * {@code post_logout_redirect_uri}.
     */
    public AuthenticationSuccessHandler rpInitiatedLogout() {
        SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();
        OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
        handler.setLogoutHandler((request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            if (logout.isPrincipalAuthenticated()) {
                Authentication user = (Authentication) logout.getPrincipal();
                record(user, "rp_initiated", clientOf(logout));
                endSession.logout(request, response, user);
            }
        });
        return handler;
    }

    private void record(Authentication user, String via, String clientId) {
        if (user == null || !user.isAuthenticated()) {
            return;
        }
        Long userId = userId(user.getName());
        if (userId == null) {
            return;
        }
        audit.recordEvent(userId, "auth.logout", "user", userId,
                clientId == null ? Map.of("via", via) : Map.of("via", via, "client_id", clientId));
    }

    /** The client asking: its {@code client_id} parameter, else the audience of its ID token hint. */
    private static String clientOf(OidcLogoutAuthenticationToken logout) {
        if (logout.getClientId() != null) {
            return logout.getClientId();
        }
        return logout.getIdToken() == null || logout.getIdToken().getAudience() == null
                || logout.getIdToken().getAudience().isEmpty() ? null : logout.getIdToken().getAudience().get(0);
    }

    private static Long userId(String name) {
        try {
            return Long.valueOf(name);
        }
        catch (NumberFormatException notOneOfOurUsers) {
            return null;
        }
    }
}
