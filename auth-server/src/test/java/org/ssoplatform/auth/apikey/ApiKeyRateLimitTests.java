package org.ssoplatform.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.contract.ApiKeyFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's own {@code rate_limit}: set at creation or by {@code PATCH}, shown by {@code GET}, bounded by the maximum
 * of its owner's roles (the {@code user} role's is 1000 requests at once, 500 a second; admins any), carried to the
 * gateways by the key's token and announced on the invalidation channel when it changes.
 */
class ApiKeyRateLimitTests extends ManagementApiFlow {

    private static final Map<String, Object> TEN_AT_ONCE = Map.of("capacity", 10, "replenish_per_second", 2.5);

    @Autowired
    ApiKeyRepository keys;

    @Test
    void aLimitGivenAtCreationIsStoredAndShownByGetAndList() {
        String token = tokenFor(newUser("user"));

        JsonNode created = createKey(token, Map.of("name", "ci", "rate_limit", TEN_AT_ONCE));
        long id = created.path("id").asLong();

        assertLimit(created, 10, 2.5);
        assertLimit(http.get("/api/v1/api-keys/" + id, token).json(), 10, 2.5);
        assertLimit(http.get("/api/v1/api-keys/", token).json().get(0), 10, 2.5);
        assertThat(keys.findById(id).orElseThrow().rateLimit()).isEqualTo(new KeyRateLimit(10, 2.5));
    }

    @Test
    void aKeyWithoutALimitShowsNullForTheGatewaysDefault() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "plain")).path("id").asLong();

        JsonNode shown = http.get("/api/v1/api-keys/" + id, token).json();

        assertThat(shown.has("rate_limit")).isTrue();
        assertThat(shown.path("rate_limit").isNull()).isTrue();
    }

    @Test
    void patchSetsChangesKeepsAndClearsTheLimit() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();

        assertLimit(patch(token, id, Map.of("rate_limit", TEN_AT_ONCE)).json(), 10, 2.5);
        assertLimit(patch(token, id, Map.of("rate_limit", Map.of("capacity", 3, "replenish_per_second", 1))).json(), 3,
                1.0);
        assertLimit(patch(token, id, Map.of("name", "renamed")).json(), 3, 1.0); // left out: unchanged
        Http.Response cleared = http.send("PATCH", "/api/v1/api-keys/" + id, token, "application/json",
                "{\"rate_limit\":null}".getBytes(StandardCharsets.UTF_8));

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("rate_limit").isNull()).isTrue();
        assertThat(keys.findById(id).orElseThrow().rateLimit()).isNull();
    }

    @Test
    void aLimitAboveTheOwnersMaximumIs422NamingTheFieldAndNothingChanges() {
        User owner = newUser("user");
        String token = tokenFor(owner);
        long id = createKey(token, Map.of("name", "k", "rate_limit", TEN_AT_ONCE)).path("id").asLong();

        Http.Response tooBig = http.post("/api/v1/api-keys/", token,
                Map.of("name", "greedy", "rate_limit", Map.of("capacity", 1001, "replenish_per_second", 1)));
        Http.Response tooFast = patch(token, id, Map.of("rate_limit", Map.of("capacity", 5, "replenish_per_second", 500.5)));

        assertProblem(tooBig, 422, "rate_limit_above_maximum");
        assertThat(field(tooBig)).isEqualTo("rate_limit.capacity");
        assertProblem(tooFast, 422, "rate_limit_above_maximum");
        assertThat(field(tooFast)).isEqualTo("rate_limit.replenish_per_second");
        assertThat(keys.findByUserIdOrderById(owner.id())).extracting(ApiKey::rateLimit)
            .containsExactly(new KeyRateLimit(10, 2.5));
        assertLimit(patch(token, id, Map.of("rate_limit", Map.of("capacity", 1000, "replenish_per_second", 500))).json(),
                1000, 500.0); // the maximum itself is allowed
    }

    @Test
    void anOwnerWhoseRolesHaveNoMaximumCannotSetALimit() {
        String token = tokenFor(newUser("viewer"));

        Http.Response refused = http.post("/api/v1/api-keys/", token, Map.of("name", "k", "rate_limit", TEN_AT_ONCE));

        assertProblem(refused, 422, "rate_limit_above_maximum");
        assertThat(field(refused)).isEqualTo("rate_limit");
    }

    @Test
    void anAdminMaySetAnyLimit() {
        String token = tokenFor(newUser("admin"));

        JsonNode created = createKey(token, Map.of("name", "bulk", "rate_limit",
                Map.of("capacity", 1_000_000, "replenish_per_second", 100_000)));

        assertLimit(created, 1_000_000, 100_000.0);
    }

    @Test
    void invalidValuesAreA400NamingTheFieldNeverAServerError() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();
        Map<String, String> bodies = Map.of(
                "{\"rate_limit\":{\"capacity\":0,\"replenish_per_second\":1}}", "rate_limit.capacity",
                "{\"rate_limit\":{\"capacity\":-5,\"replenish_per_second\":1}}", "rate_limit.capacity",
                "{\"rate_limit\":{\"capacity\":\"many\",\"replenish_per_second\":1}}", "rate_limit.capacity",
                "{\"rate_limit\":{\"replenish_per_second\":1}}", "rate_limit.capacity",
                "{\"rate_limit\":{\"capacity\":5}}", "rate_limit.replenish_per_second",
                "{\"rate_limit\":{\"capacity\":5,\"replenish_per_second\":0}}", "rate_limit.replenish_per_second",
                "{\"rate_limit\":{\"capacity\":5,\"replenish_per_second\":-1}}", "rate_limit.replenish_per_second",
                "{\"rate_limit\":{\"capacity\":5,\"replenish_per_second\":\"fast\"}}", "rate_limit.replenish_per_second",
                "{\"rate_limit\":{\"capacity\":1000000001,\"replenish_per_second\":1}}", "rate_limit.capacity",
                "{\"rate_limit\":\"unlimited\"}", "rate_limit");

        bodies.forEach((body, field) -> {
            for (Http.Response answer : List.of(
                    http.send("PATCH", "/api/v1/api-keys/" + id, token, "application/json", bytes(body)),
                    http.send("POST", "/api/v1/api-keys/", token, "application/json",
                            bytes(body.replaceFirst("\\{", "{\"name\":\"k\",")))) ) {
                assertProblem(answer, 400, "validation_failed");
                assertThat(field(answer)).as(body).isEqualTo(field);
            }
        });
        // Beyond Java's int: not a number the API can read, still a 400 problem.
        assertProblem(http.send("PATCH", "/api/v1/api-keys/" + id, token, "application/json",
                bytes("{\"rate_limit\":{\"capacity\":99999999999,\"replenish_per_second\":1}}")), 400, null);
        assertThat(keys.findById(id).orElseThrow().rateLimit()).isNull();
    }

    /** Only the owner changes a key's limit: not another user, not an admin on someone else's key, not a key. */
    @Test
    void onlyTheOwnerWithTheirOwnTokenChangesTheLimit() {
        String ownerToken = tokenFor(newUser("user"));
        JsonNode created = createKey(ownerToken, Map.of("name", "k", "rate_limit", TEN_AT_ONCE));
        long id = created.path("id").asLong();
        String keysOwnToken = apiKeyToken(created.path("key").asString());
        Map<String, Object> raise = Map.of("rate_limit", Map.of("capacity", 1000, "replenish_per_second", 500));

        assertProblem(patch(tokenFor(newUser("user")), id, raise), 404, "not_found");
        assertProblem(patch(tokenFor(newUser("admin")), id, raise), 404, "not_found");
        assertThat(patch(keysOwnToken, id, raise).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/api-keys/", keysOwnToken, Map.of("name", "k2", "rate_limit", raise.get("rate_limit")))
            .status()).isEqualTo(401);

        assertThat(keys.findById(id).orElseThrow().rateLimit()).isEqualTo(new KeyRateLimit(10, 2.5));
    }

    @Test
    void theKeysTokenCarriesItsLimitForTheGateways() {
        String token = tokenFor(newUser("user"));
        JsonNode limited = createKey(token, Map.of("name", "k", "rate_limit", TEN_AT_ONCE));
        JsonNode plain = createKey(token, Map.of("name", "k"));

        JsonNode claim = claims(apiKeyToken(limited.path("key").asString())).path("rate_limit");

        assertThat(claim.path("capacity").asInt()).isEqualTo(10);
        assertThat(claim.path("replenish_per_second").asDouble()).isEqualTo(2.5);
        assertThat(claims(apiKeyToken(plain.path("key").asString())).has("rate_limit")).isFalse();
    }

    @Test
    void aChangedLimitIsAnnouncedToTheGatewaysAndAnUnchangedOneIsNot() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "k"));
        long id = created.path("id").asLong();
        String hash = ApiKeyFormat.hashHex(created.path("key").asString());
        InvalidationInbox inbox = invalidations();

        patch(token, id, Map.of("rate_limit", TEN_AT_ONCE));
        assertThat(inbox.nextMessage().path("hashes").toString()).contains(hash);

        patch(token, id, Map.of("rate_limit", TEN_AT_ONCE, "name", "same limit"));
        inbox.assertNothingPublished();

        http.send("PATCH", "/api/v1/api-keys/" + id, token, "application/json", bytes("{\"rate_limit\":null}"));
        assertThat(inbox.nextMessage().path("hashes").toString()).contains(hash);
    }

    @Test
    void theAuditTrailRecordsTheNewLimit() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();

        patch(token, id, Map.of("rate_limit", TEN_AT_ONCE));

        Http.Response audit = http.get("/api/v1/audit?target_type=api_key&target_id=" + id + "&action=api_key.updated",
                tokenFor(newUser("admin")));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode recorded = audit.json().path("items").get(0).path("details").path("rate_limit");
        assertThat(recorded.path("capacity").asInt()).as(audit.body()).isEqualTo(10);
        assertThat(recorded.path("replenish_per_second").asDouble()).isEqualTo(2.5);
    }

    private Http.Response patch(String token, long id, Map<String, ?> body) {
        return http.patch("/api/v1/api-keys/" + id, token, body);
    }

    private static void assertLimit(JsonNode key, int capacity, double replenishPerSecond) {
        assertThat(key.path("rate_limit").path("capacity").asInt()).as(key.toString()).isEqualTo(capacity);
        assertThat(key.path("rate_limit").path("replenish_per_second").asDouble()).as(key.toString())
            .isEqualTo(replenishPerSecond);
    }

    private static String field(Http.Response problem) {
        return problem.json().path("errors").get(0).path("field").asString();
    }

    private static JsonNode claims(String jwt) {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
