package org.ssoplatform.gateway.config;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * Response headers both chains add (a backend's own value of a header wins): no sniffing, no
 * framing, no referrer, no caching of authenticated answers, HSTS on HTTPS.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static Customizer<ServerHttpSecurity.HeaderSpec> strict() {
        return headers -> headers.frameOptions(frame -> frame.mode(Mode.DENY))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"))
            .permissionsPolicy(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"));
    }
}
