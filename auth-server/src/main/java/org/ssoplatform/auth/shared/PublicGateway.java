package org.ssoplatform.auth.shared;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people and API clients reach the platform's API ({@code platform.gateway.url}, {@code GATEWAY_URL}):
 * the server of the API documentation, and the one browser origin whose pages (Swagger UI) may call
 * the token endpoint.
 */
@ConfigurationProperties("platform.gateway")
public record PublicGateway(@DefaultValue("http://localhost:8080") URI url) {

    /** The URL without a trailing slash. */
    public String base() {
        return url.toString().replaceAll("/+$", "");
    }

    /** The origin browsers send in {@code Origin}: scheme, host and port, no path. */
    public String origin() {
        return url.getScheme() + "://" + url.getRawAuthority();
    }
}
