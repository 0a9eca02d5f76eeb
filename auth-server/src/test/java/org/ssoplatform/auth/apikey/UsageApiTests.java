package org.ssoplatform.auth.apikey;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/api-keys/{id}/usage}: a key's requests per UTC day, to its owner, its own tokens and admins. */
class UsageApiTests extends ManagementApiFlow {

    @Test
    void theOwnerSeesOneEntryPerDayOldestFirstWithZerosForQuietDays() {
        String token = tokenFor(newUser("user"));
        long key = createKey(token, Map.of("name", "counted")).path("id").asLong();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        counted(key, today, 7);
        counted(key, today.minusDays(2), 3);
        counted(key, today.minusDays(5), 100);

        Http.Response response = http.get("/api/v1/api-keys/" + key + "/usage?days=3", token);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode usage = response.json();
        assertThat(usage.path("key_id").asString()).isEqualTo(String.valueOf(key));
        assertThat(usage.path("days").size()).isEqualTo(3);
        assertThat(day(usage, 0)).isEqualTo(Map.entry(today.minusDays(2).toString(), 3L));
        assertThat(day(usage, 1)).isEqualTo(Map.entry(today.minusDays(1).toString(), 0L));
        assertThat(day(usage, 2)).isEqualTo(Map.entry(today.toString(), 7L));
    }

    @Test
    void withoutDaysTheLastThirtyDaysAreAnswered() {
        String token = tokenFor(newUser("user"));
        long key = createKey(token, Map.of("name", "k")).path("id").asLong();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode usage = http.get("/api/v1/api-keys/" + key + "/usage", token).json();

        assertThat(usage.path("days").size()).isEqualTo(30);
        assertThat(usage.path("days").get(0).path("date").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(usage.path("days").get(29).path("date").asString()).isEqualTo(today.toString());
        assertThat(usage.path("days").get(29).path("requests").asLong()).isZero();
        assertThat(http.get("/api/v1/api-keys/" + key + "/usage?days=90", token).json().path("days").size())
            .isEqualTo(90);
    }

    @Test
    void aTokenOfOneOfTheOwnersKeysMayReadItButNotAnotherUsersKey() {
        String owner = tokenFor(newUser("user"));
        JsonNode created = createKey(owner, Map.of("name", "script"));
        long key = created.path("id").asLong();
        counted(key, LocalDate.now(ZoneOffset.UTC), 2);
        String keyToken = apiKeyToken(created.path("key").asString());

        Http.Response own = http.get("/api/v1/api-keys/" + key + "/usage?days=1", keyToken);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("days").get(0).path("requests").asLong()).isEqualTo(2);

        long strangers = createKey(tokenFor(newUser("user")), Map.of("name", "theirs")).path("id").asLong();
        assertProblem(http.get("/api/v1/api-keys/" + strangers + "/usage", keyToken), 404, "not_found");
    }

    @Test
    void someoneElsesKeyAndAnUnknownKeyAreBothNotFoundButAnAdminSeesAnyKey() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "theirs")).path("id").asLong();
        counted(key, LocalDate.now(ZoneOffset.UTC), 5);

        Http.Response foreign = http.get("/api/v1/api-keys/" + key + "/usage", tokenFor(newUser("user")));
        assertProblem(foreign, 404, "not_found");
        assertThat(foreign.body()).doesNotContain("\"requests\"");
        assertProblem(http.get("/api/v1/api-keys/" + UNKNOWN_ID + "/usage", tokenFor(newUser("user"))), 404,
                "not_found");

        Http.Response admin = http.get("/api/v1/api-keys/" + key + "/usage?days=1", tokenFor(newUser("admin")));
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.json().path("days").get(0).path("requests").asLong()).isEqualTo(5);
    }

    @Test
    void daysOutsideOneToNinetyOrNotANumberAreBadRequests() {
        String token = tokenFor(newUser("user"));
        long key = createKey(token, Map.of("name", "k")).path("id").asLong();

        for (String days : List.of("0", "91", "-1", "abc", "1e3", "99999999999")) {
            Http.Response response = http.get("/api/v1/api-keys/" + key + "/usage?days=" + days, token);
            assertProblem(response, 400, null);
        }
        assertProblem(http.get("/api/v1/api-keys/abc/usage", token), 400, null);
    }

    @Test
    void withoutATokenTheAnswerIsUnauthorized() {
        long key = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("id").asLong();

        Http.Response response = http.get("/api/v1/api-keys/" + key + "/usage", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("\"days\"");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointAndItsDaysParameter() {
        JsonNode doc = http.get("/v3/api-docs", null).json();

        JsonNode operation = doc.path("paths").path("/api/v1/api-keys/{keyId}/usage").path("get");
        assertThat(operation.path("summary").asString()).contains("per UTC day");
        assertThat(operation.path("parameters").findValuesAsString("name")).contains("keyId", "days");
        assertThat(doc.path("components").path("schemas").path("Usage").path("properties").propertyNames())
            .contains("key_id", "days");
    }

    private void counted(long keyId, LocalDate day, long requests) {
        jdbc.sql("INSERT INTO api_key_usage (key_id, day, requests) VALUES (?, ?, ?)")
            .params(keyId, day, requests)
            .update();
    }

    private static Map.Entry<String, Long> day(JsonNode usage, int index) {
        JsonNode day = usage.path("days").get(index);
        return Map.entry(day.path("date").asString(), day.path("requests").asLong());
    }
}
