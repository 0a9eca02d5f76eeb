package org.ssoplatform.auth.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.apikey.ApiKey;
import org.ssoplatform.auth.apikey.ApiKeyRepository;
import org.ssoplatform.auth.role.PermissionRepository;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.ResourceServerView;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8693 exchange of an API key for a short-lived JWT, as the gateway does it. */
class ApiKeyExchangeTests extends AuthServerFlow {

    @Autowired
    UserRepository users;

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    RoleRepository roles;

    @Autowired
    PermissionRepository permissions;

    final OAuthClient client = new OAuthClient(BASE);

    @Test
    void aKeyIsExchangedForATokenCarryingItsOwnGrants() {
        User owner = users.save(owner("grants@keys.test").withRole(roleId("viewer")));
        String secret = ApiKeyFormat.generate();
        ApiKey key = keys.save(key(owner, secret, null, Set.of(roleId("viewer")), Set.of(permissionId("posts:write"))));

        ResponseEntity<Map<String, Object>> response = exchange(secret);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("issued_token_type", "urn:ietf:params:oauth:token-type:access_token")
            .containsEntry("token_type", "Bearer");
        Jwt token = ResourceServerView.of(BASE).decode((String) response.getBody().get("access_token"));
        assertThat(token.getSubject()).isEqualTo(owner.id().toString());
        assertThat(token.getClaimAsString("email")).isEqualTo("grants@keys.test");
        assertThat(token.getClaimAsString("auth_type")).isEqualTo("API_KEY");
        assertThat(token.getClaimAsString("api_key_id")).isEqualTo(key.id().toString());
        assertThat(token.getClaimAsStringList("roles")).containsExactly("viewer");
        assertThat(token.getClaimAsStringList("permissions")).containsExactly("posts:read", "posts:write", "users:read");
        assertThat(token.getExpiresAt()).isBeforeOrEqualTo(token.getIssuedAt().plusSeconds(300));
    }

    @Test
    void aKeyLosesWhatItsOwnerLoses() {
        User owner = users.save(owner("demoted@keys.test").withRole(roleId("viewer")));
        String secret = ApiKeyFormat.generate();
        keys.save(key(owner, secret, null, Set.of(roleId("user")), Set.of(permissionId("users:read"))));
        assertThat(grants(exchange(secret))).containsExactly(List.of("user"),
                List.of("posts:read", "posts:write", "users:read"));

        users.save(users.findById(owner.id()).orElseThrow().withoutRole(roleId("user")));

        // users:read is still held through viewer; the user role and what only it gave are gone.
        assertThat(grants(exchange(secret))).containsExactly(List.of(), List.of("users:read"));
    }

    @Test
    void anAdminOwnersKeyKeepsWhatItWasGranted() {
        User owner = users.save(owner("admin-owner@keys.test").withRole(roleId("admin")));
        String secret = ApiKeyFormat.generate();
        keys.save(key(owner, secret, null, Set.of(roleId("viewer")), Set.of(permissionId("analytics:read"))));

        assertThat(grants(exchange(secret))).containsExactly(List.of("viewer"),
                List.of("analytics:read", "posts:read", "users:read"));
    }

    @Test
    void theTokenNeverOutlivesTheKey() {
        String secret = ApiKeyFormat.generate();
        Instant keyExpiry = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        keys.save(key(owner("short@keys.test"), secret, keyExpiry, Set.of(roleId("user")), Set.of()));

        Jwt token = ResourceServerView.of(BASE).decode((String) exchange(secret).getBody().get("access_token"));

        assertThat(token.getExpiresAt()).isBeforeOrEqualTo(keyExpiry);
    }

    @Test
    void aKeyInItsLastSecondIsRefusedRatherThanGivenATokenThatIsAlreadyExpired() {
        String secret = ApiKeyFormat.generate();
        // Within the current second (or already past, on a slow machine): refused either way.
        Instant lastSecond = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusMillis(990);
        keys.save(key(owner("last-second@keys.test"), secret, lastSecond, Set.of(), Set.of()));

        ResponseEntity<Map<String, Object>> response = exchange(secret);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("error", "invalid_grant");
    }

    @Test
    void deactivatedExpiredUnknownOrMalformedKeysAreInvalidGrants() {
        User owner = owner("refused@keys.test");
        String inactive = ApiKeyFormat.generate();
        ApiKey saved = keys.save(key(owner, inactive, null, Set.of(), Set.of()));
        keys.save(withActive(saved, false));
        String expired = ApiKeyFormat.generate();
        keys.save(key(owner, expired, Instant.now().minusSeconds(1), Set.of(), Set.of()));

        for (String refused : new String[] { inactive, expired, ApiKeyFormat.generate(), "ssop_not-a-key" }) {
            ResponseEntity<Map<String, Object>> response = exchange(refused);
            assertThat(response.getStatusCode().value()).as(refused).isEqualTo(400);
            assertThat(response.getBody()).containsEntry("error", "invalid_grant");
        }
    }

    @Test
    void aDeactivatedOwnersKeysStopWorking() {
        User owner = owner("gone@keys.test");
        String secret = ApiKeyFormat.generate();
        keys.save(key(owner, secret, null, Set.of(), Set.of()));
        assertThat(exchange(secret).getStatusCode().value()).isEqualTo(200);

        users.save(users.findById(owner.id()).orElseThrow().withActive(false));

        assertThat(exchange(secret).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void onlyTheGatewayClientMayExchangeAndOnlyWithItsSecret() {
        String secret = ApiKeyFormat.generate();
        keys.save(key(owner("clients@keys.test"), secret, null, Set.of(), Set.of()));

        ResponseEntity<Map<String, Object>> wrongSecret = client.token("gateway", "wrong-secret", exchangeForm(secret));
        ResponseEntity<Map<String, Object>> publicClient = client.token("cli", null, Map.of("client_id", "cli",
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", secret,
                "subject_token_type", "urn:ssoplatform:params:oauth:token-type:api-key"));

        assertThat(wrongSecret.getStatusCode().value()).isEqualTo(401);
        assertThat(publicClient.getStatusCode().value()).isEqualTo(401);
        assertThat(publicClient.getBody()).doesNotContainKey("access_token");
    }

    private static List<List<String>> grants(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Jwt token = ResourceServerView.of(BASE).decode((String) response.getBody().get("access_token"));
        return List.of(Objects.requireNonNullElse(token.getClaimAsStringList("roles"), List.of()),
                Objects.requireNonNullElse(token.getClaimAsStringList("permissions"), List.of()));
    }

    private ResponseEntity<Map<String, Object>> exchange(String apiKey) {
        return client.token("gateway", OAuthClient.GATEWAY_SECRET, exchangeForm(apiKey));
    }

    private static Map<String, String> exchangeForm(String apiKey) {
        return Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange", "subject_token", apiKey,
                "subject_token_type", "urn:ssoplatform:params:oauth:token-type:api-key");
    }

    private User owner(String email) {
        return users.save(User.newUser(email, "Owner", null).withRole(roleId("user")));
    }

    private static ApiKey key(User owner, String secret, Instant expiresAt, Set<Long> roleIds, Set<Long> permissionIds) {
        Instant now = Instant.now();
        return new ApiKey(null, AggregateReference.to(owner.id()), "test key", null, ApiKeyFormat.hash(secret),
                ApiKeyFormat.displayPrefix(secret), ApiKeyFormat.lastChars(secret), null, null, true, false, expiresAt, null, now,
                now, null, roleIds.stream().map(id -> new ApiKey.KeyRole(AggregateReference.to(id))).collect(java.util.stream.Collectors.toSet()),
                permissionIds.stream().map(id -> new ApiKey.KeyPermission(AggregateReference.to(id))).collect(java.util.stream.Collectors.toSet()),
                null);
    }

    private static ApiKey withActive(ApiKey k, boolean active) {
        return new ApiKey(k.id(), k.userId(), k.name(), k.description(), k.keyHash(), k.keyPrefix(), k.keyLastChars(),
                k.previousKeyHash(), k.previousExpiresAt(), active, k.lockedByAdmin(), k.expiresAt(), k.lastUsedAt(), k.createdAt(),
                Instant.now(), k.version(), k.roles(), k.permissions(), k.rateLimit());
    }

    private long roleId(String name) {
        return roles.findByName(name).orElseThrow().id();
    }

    private long permissionId(String name) {
        return permissions.findByName(name).orElseThrow().id();
    }
}
