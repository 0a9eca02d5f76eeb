package org.ssoplatform.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.ssoplatform.gateway.GatewayApplication;
import org.ssoplatform.gateway.support.GatewayInstance;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;
import org.ssoplatform.testsupport.LogTap;
import org.ssoplatform.testsupport.MachineRedis;
import org.ssoplatform.testsupport.SeededRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests at the gateway: forged, expired, {@code alg: none} and unknown-key tokens, malformed
 * and unknown API keys, both credentials at once, odd methods, traversal and control characters in paths, spoofed
 * identity headers. Whatever comes in, no answer is a 5xx, none shows a stack trace, none echoes a secret, and the
 * gateway's log holds no API key or token.
 */
class HostileInputTests {

    private static final String CLIENT_SECRET = "test-gateway-secret-0123456789abcdef";

    private static final String GOOD_KEY = "ssop_" + "G00dKey".repeat(6) + "Ab1a";

    private static StandIns standIns;

    private static ConfigurableApplicationContext gateway;

    private static String base;

    private static LogTap logs;

    private static Map<String, List<String[]>> credentials;

    private static List<String> secrets;

    private static int sent;

    private static final int TRIES = 600;

    private static final SeededRandom RANDOM = SeededRandom.fromProperty("hostile.seed", "gateway HostileInputTests");

    private static final List<String> PATHS = List.of("/api/v1/users/me", "/api/v1/roles/", "/examples/hello",
            "/examples/apikey-only", "/portal/api/v1/users/me", "/portal/me", "/docs", "/v3/api-docs",
            "/actuator/health", "/actuator/env", "/", "/nowhere", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
            "/api/v1/..;/actuator/env", "//evil.test/x", "/api/v1/%00", "/examples/%0d%0aSet-Cookie:%20x=y",
            "/examples/%252e%252e%252f", "/api/v1/users/me;jsessionid=x", "/examples/%E2%98%83",
            "/examples/" + "a".repeat(3000), "/api/v1/users/me?x=%27%20OR%201%3D1--", "/examples/?q=%24%7Bjndi%3Aldap%7D");

    private static final List<String> METHODS = List.of("GET", "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "HEAD", "TRACE", "PROPFIND");

    @BeforeAll
    static void start() {
        standIns = new StandIns();
        // Any key without a stub of its own is one auth-server does not know.
        standIns.authServer.stubFor(WireMock.post(StandIns.TOKEN_PATH).atPriority(10)
            .willReturn(WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\"}")));
        String keyToken = TestTokens.apiKeyToken("77", Duration.ofMinutes(5));
        standIns.exchangeIssues(GOOD_KEY, keyToken);
        Map<String, Object> settings = new LinkedHashMap<>();
        standIns.register((name, value) -> settings.put(name, value.get()));
        settings.put("server.port", 0);
        settings.put("spring.data.redis.host", MachineRedis.host());
        settings.put("spring.data.redis.port", MachineRedis.port());
        settings.put("platform.redis.namespace", MachineRedis.namespace());
        // Limits would answer most of a long run 429 before the input is even looked at.
        settings.put("platform.gateway.rate-limit.enabled", false);
        settings.put("platform.gateway.api-key.max-failed-attempts", 1_000_000);
        gateway = new SpringApplicationBuilder(GatewayApplication.class, GatewayInstance.OwnNettyResources.class).web(WebApplicationType.REACTIVE)
            .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        logs = LogTap.attach(); // after the start, which resets logging
        base = "http://127.0.0.1:" + gateway.getEnvironment().getRequiredProperty("local.server.port");

        String userToken = TestTokens.user("u-hostile");
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = TestTokens.sign(TestTokens.userClaims("u-hostile").issueTime(Date.from(past))
            .expirationTime(Date.from(past.plusSeconds(60))).build(), TestTokens.KEY);
        String forged = TestTokens.sign(TestTokens.userClaims("u-admin").claim("roles", List.of("admin")).build(),
                TestTokens.FOREIGN_KEY);
        String unknownKid = TestTokens.sign(TestTokens.userClaims("u-hostile").build(), TestTokens.UNKNOWN_KID_KEY);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String algNone = url.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(TestTokens.userClaims("u-admin").build().toString().getBytes(StandardCharsets.UTF_8))
                + ".";
        String wrongIssuer = TestTokens.sign(TestTokens.userClaims("u-hostile").issuer("http://evil.test").build(),
                TestTokens.KEY);
        credentials = new LinkedHashMap<>();
        credentials.put("user", List.<String[]>of(new String[] { "Authorization", "Bearer " + userToken }));
        credentials.put("api-key", List.<String[]>of(new String[] { "X-API-Key", GOOD_KEY }));
        credentials.put("both", List.of(new String[] { "Authorization", "Bearer " + userToken },
                new String[] { "X-API-Key", GOOD_KEY }));
        credentials.put("expired", bearer(expired));
        credentials.put("forged", bearer(forged));
        credentials.put("unknown-kid", bearer(unknownKid));
        credentials.put("alg-none", bearer(algNone));
        credentials.put("wrong-issuer", bearer(wrongIssuer));
        credentials.put("key-as-bearer", bearer(GOOD_KEY));
        credentials.put("garbage", bearer("x".repeat(5000)));
        credentials.put("empty-bearer", List.<String[]>of(new String[] { "Authorization", "Bearer " }));
        credentials.put("basic", List.<String[]>of(new String[] { "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("gateway:" + CLIENT_SECRET).getBytes()) }));
        credentials.put("none", List.of());
        secrets = List.of(userToken, keyToken, GOOD_KEY, CLIENT_SECRET);
        // The verification keys fetched before the run: a slow first fetch is a dead dependency (503), not input.
        for (int attempt = 0; attempt < 20; attempt++) {
            if (send(new Hostile("user", "GET", "/examples/hello", credentials.get("user"), null)).statusCode() == 200) {
                break;
            }
        }
    }

    @AfterAll
    static void stopAndScanTheLog() {
        try {
            long seed = RANDOM.seed();
            assertThat(sent).as("seed %d: hostile requests sent", seed).isGreaterThanOrEqualTo(500);
            logs.assertNoSecrets("seed " + seed, secrets);
        }
        finally {
            if (logs != null) {
                logs.detach();
            }
            if (gateway != null) {
                gateway.close();
            }
            standIns.authServer.stop();
            standIns.backend.stop();
        }
    }

    @Test
    void noHostileRequestGetsA5xxAStackTraceOrASecret() {
        for (int i = 0; i < TRIES; i++) {
            Hostile request = request();
            String at = "seed " + RANDOM.seed() + ", request " + i + ": " + request;
            HttpResponse<String> response = send(request);
            sent++;
            if (response == null) {
                continue; // refused before it was read: the connection closed under an oversize header
            }
            if (response.body().contains("WireMockHandlerDispatchingServlet")) {
                continue; // a stand-in's own crash, relayed: WireMock 3.13 answers 500 to a form body it cannot decode
            }

            assertThat(response.statusCode()).as("%s -> %s", at, response.body()).isLessThan(500);
            assertThat(response.body()).as("%s", at)
                .doesNotContain("\tat ", "\\tat ", "Exception", "org.springframework", "reactor.", "java.lang");
            for (String secret : secrets) {
                assertThat(response.body()).as("%s echoes a secret", at).doesNotContain(secret);
                response.headers().map().forEach((name, values) -> assertThat(values.toString())
                    .as("%s echoes a secret in %s", at, name).doesNotContain(secret));
            }
        }
    }

    record Hostile(String caller, String method, String path, List<String[]> headers, byte[] body) {

        @Override
        public String toString() {
            StringBuilder shown = new StringBuilder(caller + " " + method + " " + path);
            headers.forEach(h -> shown.append(" [").append(h[0]).append(": ")
                .append(h[1].length() > 80 ? h[1].substring(0, 80) + "…" : h[1]).append(']'));
            return shown.toString();
        }
    }

    private static final List<String[]> EXTRA_HEADERS = List.of(
            new String[] { "X-API-Key", "ssop_short" }, new String[] { "X-API-Key", "ssop_" + "A".repeat(46) },
            new String[] { "X-API-Key", "ssop_" + "A".repeat(45) + "!" }, new String[] { "X-API-Key", "" },
            new String[] { "X-API-Key", "' OR 1=1 --" }, new String[] { "X-API-Key", "x".repeat(9000) },
            new String[] { "X-API-Key", "ssop_" + "B".repeat(46) + "ssop_" + "C".repeat(46) },
            new String[] { "X-User-Id", "1" }, new String[] { "X-User-Roles", "admin" },
            new String[] { "X-Forwarded-For", "127.0.0.1, 10.0.0.1" }, new String[] { "X-Forwarded-Host", "evil.test" },
            new String[] { "X-Correlation-Id", "<script>" + "z".repeat(500) },
            new String[] { "Cookie", "SESSION=" + "%00".repeat(50) }, new String[] { "Origin", "http://evil.test" },
            new String[] { "Content-Type", "application/x-www-form-urlencoded" },
            new String[] { "Accept", "text/html;q=0.1, */*;q=0" }, new String[] { "Range", "bytes=0-,-1" },
            new String[] { "X-Noop", "ok" });

    private static Hostile request() {
        String caller = RANDOM.of(List.copyOf(credentials.keySet()));
        String method = RANDOM.of(METHODS);
        String path = RANDOM.of(PATHS);
        List<String[]> extra = RANDOM.list(3, () -> RANDOM.of(EXTRA_HEADERS));
        byte[] body = RANDOM.oneOf(() -> new byte[0],
                () -> RANDOM.of("{\"name\": 12}", "{", "[".repeat(3000), "\u0000\u0001\u0002", "a=b&c=%ZZ")
                    .getBytes(StandardCharsets.UTF_8),
                () -> new byte[RANDOM.between(1, 70_000)]);
        List<String[]> headers = new ArrayList<>(credentials.get(caller));
        headers.addAll(extra);
        boolean withBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("TRACE");
        return new Hostile(caller, method, path, headers, withBody ? body : null);
    }

    /** @return the answer, or {@code null} when the server closed the connection on an oversize header */
    private static HttpResponse<String> send(Hostile hostile) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + hostile.path()))
            .timeout(Duration.ofSeconds(30))
            .method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        for (String[] header : hostile.headers()) {
            request.header(header[0], header[1]);
        }
        // Each input on a connection of its own: the property is about the answer to that input, not about
        // what an earlier hostile request left behind on a shared connection.
        boolean oversize = hostile.headers().stream().anyMatch(h -> h[1].length() > 4000);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (java.io.IOException ex) {
            if (oversize && !(ex instanceof java.net.http.HttpTimeoutException)) {
                return null;
            }
            throw new IllegalStateException(hostile + " failed", ex);
        }
        catch (Exception ex) {
            throw new IllegalStateException(hostile + " failed", ex);
        }
    }

    private static List<String[]> bearer(String token) {
        return List.<String[]>of(new String[] { "Authorization", "Bearer " + token });
    }
}
