package org.ssoplatform.auth.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserGrants;
import org.ssoplatform.auth.user.UserRepository;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.auth.role.PermissionRepository;
import org.ssoplatform.auth.role.RoleRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the management API tests: the running server, users made on the fly, user tokens signed by the
 * server's own key with the claims of DESIGN.md, API-key tokens from the real exchange, and the
 * invalidation channel as a gateway sees it.
 */
public abstract class ManagementApiFlow extends AuthServerFlow {

    protected static final long UNKNOWN_ID = 987_654_321L;

    @Autowired
    protected UserRepository users;

    @Autowired
    protected RoleRepository roles;

    @Autowired
    protected PermissionRepository permissions;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected RedisNamespace namespace;

    @Autowired
    private JwtEncoder signer;

    @Autowired
    private UserGrants grants;

    protected final Http http = new Http(BASE);

    private InvalidationInbox inbox;

    @AfterEach
    void unsubscribe() throws Exception {
        if (inbox != null) {
            inbox.close();
        }
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    protected User newUser(String... roleNames) {
        User user = User.newUser(unique("u") + "@mgmt.test", "Test User", null);
        for (String role : roleNames) {
            user = user.withRole(roleId(role));
        }
        return users.save(user);
    }

    /** A user's access token as the authorization server would issue it, with the user's current grants. */
    protected String tokenFor(User user) {
        UserGrants.Grants current = grants.load(user.id()).orElseThrow();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(BASE)
            .audience(List.of("platform-api"))
            .subject(user.id().toString())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600))
            .id(UUID.randomUUID().toString())
            .claim("email", current.email())
            .claim("roles", new ArrayList<>(current.roles()))
            .claim("permissions", new ArrayList<>(current.permissions()))
            .claim("auth_type", "JWT")
            .build();
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").build(), claims)).getTokenValue();
    }

    /** The gateway's RFC 8693 exchange of a key for a token. */
    protected Http.Response exchange(String apiKey) {
        return http.form("/oauth2/token", "gateway", OAuthClient.GATEWAY_SECRET,
                "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=" + apiKey
                        + "&subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key");
    }

    protected String apiKeyToken(String apiKey) {
        Http.Response response = exchange(apiKey);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    /** Creates a key through the API; the answer carries its secret in {@code key}. */
    protected JsonNode createKey(String token, Map<String, ?> body) {
        Http.Response response = http.post("/api/v1/api-keys/", token, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    protected long roleId(String name) {
        return roles.findByName(name).orElseThrow().id();
    }

    protected long permissionId(String name) {
        return permissions.findByName(name).orElseThrow().id();
    }

    /** The invalidation channel from now on, as a gateway subscribed to it sees it. */
    protected InvalidationInbox invalidations() {
        inbox = new InvalidationInbox(redis, namespace.key("apikey:invalidations"));
        return inbox;
    }

    protected static void assertProblem(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        if (code != null) {
            assertThat(problem.path("code").asString()).isEqualTo(code);
        }
        assertThat(response.body()).doesNotContain("Exception", "SQL", "\tat ", "org.springframework");
    }
}
