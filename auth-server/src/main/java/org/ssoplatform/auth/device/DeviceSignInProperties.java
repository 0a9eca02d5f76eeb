package org.ssoplatform.auth.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CLI sign-in, the OAuth 2.0 Device Authorization Grant ({@code platform.device.*}).
 *
 * @param pollInterval how long a device waits between two polls of the token endpoint: announced as
 * {@code interval} and enforced with {@code slow_down} (RFC 8628 sections 3.2 and 3.5); whole seconds
 */
@ConfigurationProperties("platform.device")
public record DeviceSignInProperties(@DefaultValue("5s") Duration pollInterval) {

    public DeviceSignInProperties {
        if (pollInterval.toMillis() < 1000 || pollInterval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("platform.device.poll-interval must be a whole number of seconds, at least 1 s");
        }
    }
}
