package org.ssoplatform.auth.throttle;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what anyone may trigger without signing in ({@code platform.throttle.*}), each per client
 * address.
 *
 * @param trustedProxies CIDRs of the proxies (the gateway, the ingress) whose {@code X-Forwarded-For} is
 * believed; from any other peer the header is ignored ({@code PLATFORM_TRUSTED_PROXIES})
 * @param jsonLogin starts of the JSON sign-in ({@code /api/v1/auth/{provider}/login})
 * @param loginPage browser sign-in starts: the {@code /login} page and {@code /oauth2/authorization/*},
 * each of which creates a session
 * @param tokenFailures failed token requests, after which the token endpoint refuses that address
 * @param pendingLogins the most JSON sign-ins that may be pending (started, not finished) at once
 */
@ConfigurationProperties("platform.throttle")
public record ThrottleProperties(@DefaultValue List<String> trustedProxies, Limit jsonLogin, Limit loginPage,
        Limit tokenFailures, @DefaultValue("10000") int pendingLogins) {

    public ThrottleProperties {
        jsonLogin = jsonLogin != null ? jsonLogin : new Limit(20, Duration.ofMinutes(1));
        loginPage = loginPage != null ? loginPage : new Limit(30, Duration.ofMinutes(1));
        tokenFailures = tokenFailures != null ? tokenFailures : new Limit(20, Duration.ofMinutes(5));
    }

    /** At most {@code requests} in each {@code window}. */
    public record Limit(int requests, Duration window) {
    }
}
