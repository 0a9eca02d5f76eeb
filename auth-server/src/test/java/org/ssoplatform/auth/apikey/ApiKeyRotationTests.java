package org.ssoplatform.auth.apikey;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rotation: a new secret, the old one alive for a bounded grace period, and no lost update under races. */
class ApiKeyRotationTests extends ManagementApiFlow {

    @Autowired
    ApiKeyRepository keys;

    @Test
    void rotationAnswersANewSecretWhileTheOldKeepsWorkingForTheGracePeriod() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "k"));
        String old = created.path("key").asString();
        InvalidationInbox inbox = invalidations();

        JsonNode rotated = http.post("/api/v1/api-keys/" + created.path("id").asLong() + "/rotate", token, null).json();

        String fresh = rotated.path("key").asString();
        assertThat(ApiKeyFormat.isWellFormed(fresh)).isTrue();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(rotated.path("key_last_chars").asString()).isEqualTo(ApiKeyFormat.lastChars(fresh));
        Instant graceEnds = Instant.parse(rotated.path("rotation_grace_ends_at").asString());
        assertThat(graceEnds).isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(1, ChronoUnit.MINUTES));
        assertThat(inbox.nextMessage().path("hashes").get(0).asString()).isEqualTo(ApiKeyFormat.hashHex(old));
        assertThat(expiry(apiKeyToken(fresh))).isAfter(Instant.now());
        assertThat(expiry(apiKeyToken(old))).isBeforeOrEqualTo(graceEnds);
    }

    @Test
    void theGracePeriodNeverOutlivesTheKey() {
        String token = tokenFor(newUser("user"));
        Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = createKey(token, Map.of("name", "k", "expires_at", expiry.toString())).path("id").asLong();

        JsonNode rotated = http.post("/api/v1/api-keys/" + id + "/rotate", token, null).json();

        assertThat(Instant.parse(rotated.path("rotation_grace_ends_at").asString())).isEqualTo(expiry);
        assertThat(keys.findById(id).orElseThrow().previousExpiresAt()).isEqualTo(expiry);
    }

    @Test
    void rotatingAgainEndsTheFirstSecretAtOnceAndDropsBothFromCaches() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "k"));
        long id = created.path("id").asLong();
        String first = created.path("key").asString();
        String second = http.post("/api/v1/api-keys/" + id + "/rotate", token, null).json().path("key").asString();
        InvalidationInbox inbox = invalidations();

        String third = http.post("/api/v1/api-keys/" + id + "/rotate", token, null).json().path("key").asString();

        assertThat(exchange(first).status()).isEqualTo(400);
        assertThat(exchange(second).status()).isEqualTo(200);
        assertThat(exchange(third).status()).isEqualTo(200);
        assertThat(Http.JSON.convertValue(inbox.nextMessage().path("hashes"), List.class))
            .containsExactlyInAnyOrder(ApiKeyFormat.hashHex(second), ApiKeyFormat.hashHex(first));
    }

    /** Each round races a rotation against a deactivation; whatever the interleaving, no change is lost. */
    @Test
    void concurrentRotateAndDeactivateEachEitherApplyFullyOrAreAConflict() {
        String token = tokenFor(newUser("user"));
        for (int round = 0; round < 6; round++) {
            JsonNode created = createKey(token, Map.of("name", "race"));
            long id = created.path("id").asLong();
            long initialVersion = keys.findById(id).orElseThrow().version();
            CompletableFuture<Http.Response> rotate = http.sendAsync(http.request("POST",
                    "/api/v1/api-keys/" + id + "/rotate", token, null, BodyPublishers.noBody()));
            CompletableFuture<Http.Response> deactivate = http.sendAsync(http.request("PATCH",
                    "/api/v1/api-keys/" + id + "/deactivate", token, null, BodyPublishers.noBody()));
            Http.Response rotated = rotate.join();
            Http.Response deactivated = deactivate.join();

            assertThat(List.of(rotated.status(), deactivated.status())).allMatch(s -> s == 200 || s == 409)
                .contains(200);
            ApiKey stored = keys.findById(id).orElseThrow();
            int applied = (rotated.status() == 200 ? 1 : 0) + (deactivated.status() == 200 ? 1 : 0);
            assertThat(stored.version()).as("one version per applied change").isEqualTo(initialVersion + applied);
            assertThat(stored.keyHash()).isEqualTo(ApiKeyFormat.hash(rotated.status() == 200
                    ? rotated.json().path("key").asString() : created.path("key").asString()));
            assertThat(stored.active()).isEqualTo(deactivated.status() != 200);
            for (Http.Response conflict : List.of(rotated, deactivated)) {
                if (conflict.status() == 409) {
                    assertProblem(conflict, 409, "concurrent_update");
                }
            }
        }
    }

    private static Instant expiry(String jwt) {
        JsonNode claims = Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }
}
