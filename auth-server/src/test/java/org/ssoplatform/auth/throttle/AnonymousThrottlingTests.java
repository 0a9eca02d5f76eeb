package org.ssoplatform.auth.throttle;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.FromAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an anonymous client can make auth-server do is bounded per client address, and a forged
 * {@code X-Forwarded-For} from a peer that is not a trusted proxy changes nothing. One instance with
 * low limits, trusting 127.0.0.2 alone as a proxy.
 */
class AnonymousThrottlingTests extends AuthServerFlow {

    private static final int LIMIT = 3;

    private static ConfigurableApplicationContext limited;

    private static int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ConfigurableEnvironment environment;

    @BeforeAll
    static void noInstanceYet() {
        limited = null;
    }

    private void start() {
        if (limited == null) {
            limited = SecondInstance.start(environment, "platform.throttle.trusted-proxies=127.0.0.2/32",
                    "platform.throttle.json-login.requests=" + LIMIT, "platform.throttle.json-login.window=1m",
                    "platform.throttle.login-page.requests=" + LIMIT, "platform.throttle.login-page.window=1m",
                    "platform.throttle.token-failures.requests=" + LIMIT, "platform.throttle.token-failures.window=5m",
                    "platform.redis.namespace=throttle-" + UUID.randomUUID());
            port = Integer.parseInt(limited.getEnvironment().getProperty("local.server.port"));
        }
    }

    @AfterAll
    static void stop() {
        if (limited != null) {
            limited.close();
        }
    }

    @Test
    void jsonLoginStartsAreLimitedPerAddressWith429AndRetryAfter() {
        start();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(FromAddress.get("127.0.0.11", port, "/api/v1/auth/google/login", Map.of()).status()).isEqualTo(200);
        }

        FromAddress.Response refused = FromAddress.get("127.0.0.11", port, "/api/v1/auth/google/login", Map.of());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.body()).contains("\"status\":429");
        assertThat(FromAddress.get("127.0.0.12", port, "/api/v1/auth/google/login", Map.of()).status())
            .as("another address is not affected").isEqualTo(200);
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotEscapeTheLimit() {
        start();
        for (int i = 0; i < LIMIT; i++) {
            FromAddress.get("127.0.0.13", port, "/api/v1/auth/google/login", Map.of("X-Forwarded-For", "203.0.113." + i));
        }

        assertThat(FromAddress.get("127.0.0.13", port, "/api/v1/auth/google/login",
                Map.of("X-Forwarded-For", "203.0.113.99")).status()).isEqualTo(429);
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
        start();
        for (int i = 0; i < LIMIT; i++) {
            FromAddress.get("127.0.0.2", port, "/api/v1/auth/google/login", Map.of("X-Forwarded-For", "198.51.100.1"));
        }

        assertThat(FromAddress.get("127.0.0.2", port, "/api/v1/auth/google/login",
                Map.of("X-Forwarded-For", "198.51.100.1")).status()).isEqualTo(429);
        assertThat(FromAddress.get("127.0.0.2", port, "/api/v1/auth/google/login",
                Map.of("X-Forwarded-For", "198.51.100.2")).status()).isEqualTo(200);
        assertThat(FromAddress.get("127.0.0.2", port, "/api/v1/auth/google/login",
                Map.of("X-Forwarded-For", "198.51.100.1, 198.51.100.3")).status())
            .as("the client's own left part is not believed, the proxy's right-most entry is").isEqualTo(200);
    }

    @Test
    void loginPageSessionsAreLimitedPerAddressBeforeASessionExists() {
        start();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(FromAddress.get("127.0.0.14", port, "/login", Map.of("Accept", "text/html")).status()).isEqualTo(200);
        }

        FromAddress.Response refused = FromAddress.get("127.0.0.14", port, "/login", Map.of("Accept", "text/html"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.header("Set-Cookie")).as("no session for a refused request").isNull();
    }

    @Test
    void afterRepeatedTokenEndpointFailuresTheAddressIsRefused() {
        start();
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("gateway:wrong-secret".getBytes());
        for (int i = 0; i < LIMIT; i++) {
            assertThat(FromAddress.postForm("127.0.0.15", port, "/oauth2/token", Map.of("Authorization", wrong),
                    "grant_type=client_credentials").status()).isEqualTo(401);
        }

        FromAddress.Response refused = FromAddress.postForm("127.0.0.15", port, "/oauth2/token",
                Map.of("Authorization", wrong), "grant_type=client_credentials");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 300);
        assertThat(FromAddress.postForm("127.0.0.16", port, "/oauth2/token", Map.of("Authorization", wrong),
                "grant_type=client_credentials").status()).as("another address still reaches the endpoint").isEqualTo(401);
    }

    @Test
    void aCliPollingAtItsIntervalWhileItsPersonHasYetToApproveIsNeverRefused() throws InterruptedException {
        start();
        FromAddress.Response started = FromAddress.postForm("127.0.0.17", port, "/oauth2/device_authorization", Map.of(),
                "client_id=cli&scope=profile");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String deviceCode = started.body().replaceAll("(?s).*\"device_code\":\"([^\"]+)\".*", "$1");

        for (int i = 0; i <= LIMIT + 1; i++) {
            // The interval the tests' devices are told (platform.device.poll-interval), and a little more.
            Thread.sleep(1100);
            FromAddress.Response poll = FromAddress.postForm("127.0.0.17", port, "/oauth2/token", Map.of(),
                    "grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=cli&device_code=" + deviceCode);
            assertThat(poll.status()).as("poll %d: %s", i, poll.body()).isEqualTo(400);
            assertThat(poll.body()).contains("authorization_pending");
        }
    }

    @Test
    void pendingLoginStatesAreCapped() {
        String namespace = "pending-" + UUID.randomUUID();
        FromAddress.Response last = null;
        try (ConfigurableApplicationContext capped = SecondInstance.start(environment, "platform.throttle.pending-logins=5",
                "platform.redis.namespace=" + namespace)) {
            int cappedPort = Integer.parseInt(capped.getEnvironment().getProperty("local.server.port"));
            for (int i = 0; i < 10; i++) {
                last = FromAddress.get("127.0.0." + (30 + i), cappedPort, "/api/v1/auth/google/login", Map.of());
                if (last.status() != 200) {
                    break;
                }
            }
        }

        assertThat(redis.opsForZSet().zCard(namespace + ":login-state-index")).isEqualTo(5);
        assertThat(last.status()).isEqualTo(503);
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(last.body()).contains("too_many_pending_logins");
    }
}
