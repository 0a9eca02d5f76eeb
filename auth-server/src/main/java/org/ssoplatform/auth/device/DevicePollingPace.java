package org.ssoplatform.auth.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceCodeAuthenticationToken;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * RFC 8628's {@code slow_down} (section 3.5), which the framework leaves to the server: a device code polled
 * again sooner than its interval is answered {@code slow_down} before anything else is looked at, and its
 * interval grows by 5 seconds for that and every later poll. The pace is kept in Redis (by the code's hash,
 * never the code), so every instance behind the load balancer sees the same one. While Redis is unreachable
 * polls are not paced: the grant itself still answers.
 */
final class DevicePollingPace implements AuthenticationProvider {

    static final String SLOW_DOWN = "slow_down";

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc8628#section-3.5";

    private static final RedisScript<Long> POLL = RedisScript.of(new ClassPathResource("scripts/device_poll.lua"),
            Long.class);

    /** Remembered for a client whose device code lifetime is unknown here. */
    private static final Duration LONGEST_CODE_LIFETIME = Duration.ofMinutes(30);

    private final AuthenticationProvider grant;

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    private final Duration interval;

    private DevicePollingPace(AuthenticationProvider grant, StringRedisTemplate redis, RedisNamespace namespace,
            Duration interval) {
        this.grant = grant;
        this.redis = redis;
        this.namespace = namespace;
        this.interval = interval;
    }

    /** For the token endpoint's providers: the device code grant's, paced; every other as it is. */
    static UnaryOperator<AuthenticationProvider> around(StringRedisTemplate redis, RedisNamespace namespace,
            Duration interval) {
        return provider -> provider instanceof OAuth2DeviceCodeAuthenticationProvider
                ? new DevicePollingPace(provider, redis, namespace, interval) : provider;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2DeviceCodeAuthenticationToken poll = (OAuth2DeviceCodeAuthenticationToken) authentication;
        if (tooSoon(poll)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(SLOW_DOWN, null, ERROR_URI));
        }
        return grant.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return grant.supports(authentication);
    }

    private boolean tooSoon(OAuth2DeviceCodeAuthenticationToken poll) {
        String key = namespace.key("device-poll:" + sha256(poll.getDeviceCode()));
        Duration remembered = lifetime(poll).plus(interval);
        try {
            Long early = redis.execute(POLL, List.of(key), Long.toString(interval.toMillis()),
                    Long.toString(remembered.toMillis()));
            return early != null && early == 1L;
        }
        catch (DataAccessException redisDown) {
            return false;
        }
    }

    private static Duration lifetime(OAuth2DeviceCodeAuthenticationToken poll) {
        if (poll.getPrincipal() instanceof OAuth2ClientAuthenticationToken client && client.getRegisteredClient() != null) {
            return client.getRegisteredClient().getTokenSettings().getDeviceCodeTimeToLive();
        }
        return LONGEST_CODE_LIFETIME;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
