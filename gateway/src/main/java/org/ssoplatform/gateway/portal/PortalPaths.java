package org.ssoplatform.gateway.portal;

import org.ssoplatform.gateway.web.PathPatterns;

/** The paths of the portal chain: the start page, the portal's own and the OAuth2 login endpoints. */
public final class PortalPaths {

    public static final PathPatterns ALL = PathPatterns.of(StartPage.PATH, "/portal/**", "/oauth2/authorization/**",
            "/login/oauth2/code/**", "/logout");

    private PortalPaths() {
    }
}
