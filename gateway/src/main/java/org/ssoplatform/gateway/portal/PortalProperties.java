package org.ssoplatform.gateway.portal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The login portal's back end ({@code platform.gateway.portal.*}).
 *
 * @param clientId the portal's OAuth client at auth-server
 * @param clientSecret its secret ({@code PORTAL_CLIENT_SECRET})
 * @param scopes what the portal asks for
 * @param home where the browser lands after signing in (the start page)
 */
@ConfigurationProperties("platform.gateway.portal")
record PortalProperties(@DefaultValue("portal") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
        @DefaultValue("/") String home) {

    static final String REGISTRATION_ID = "portal";
}
