package org.ssoplatform.portal.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings ({@code platform.portal.*}).
 *
 * @param publicUrl where people reach the portal (the gateway's URL): auth-server sends the browser back there
 * @param issuer auth-server's public issuer, where the browser signs in
 * @param apiUrl where the portal reaches auth-server itself: the token endpoint and the management API
 * @param clientId the portal's OAuth client at auth-server
 * @param clientSecret its secret ({@code PORTAL_CLIENT_SECRET})
 * @param scopes what the portal asks for
 * @param refreshMargin how long before its expiry an access token is refreshed
 * @param apiTimeout how long one management API call may take before the page says auth-server is unreachable
 * @param redisReconnectMax the longest pause between two attempts to reconnect to Redis, where sessions live
 */
@ConfigurationProperties("platform.portal")
public record PortalProperties(@DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("http://localhost:9000") String issuer, @DefaultValue("http://localhost:9000") String apiUrl,
        @DefaultValue("portal") String clientId, @DefaultValue("") String clientSecret,
        @DefaultValue({ "openid", "profile", "email" }) List<String> scopes,
        @DefaultValue("30s") Duration refreshMargin, @DefaultValue("1500ms") Duration apiTimeout,
        @DefaultValue("500ms") Duration redisReconnectMax) {

    public static final String REGISTRATION_ID = "portal";

    /** An address on auth-server as the browser sees it. */
    public String issuerUrl(String path) {
        return trimmed(issuer) + path;
    }

    /** An address on auth-server as the portal reaches it. */
    public URI api(String path) {
        return URI.create(trimmed(apiUrl) + path);
    }

    /** An address of the portal as the browser sees it. */
    public String publicUrl(String path) {
        return trimmed(publicUrl) + path;
    }

    private static String trimmed(String url) {
        return url.replaceAll("/+$", "");
    }
}
