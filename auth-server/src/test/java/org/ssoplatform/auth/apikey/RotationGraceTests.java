package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.contract.ApiKeyFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A rotation may choose a shorter grace than {@code platform.api-keys.rotation-grace} (24 h here): 0 ends the
 * old secret at once, so a leaked key can be cut off without a window; more than the setting, or a negative
 * or mistyped value, is a 400 naming {@code grace_seconds}.
 */
class RotationGraceTests extends ManagementApiFlow {

    @Test
    void graceZeroStopsTheOldSecretAtOnceAndDropsItFromTheGatewaysCaches() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "leaked"));
        String old = created.path("key").asString();
        assertThat(exchange(old).status()).isEqualTo(200);
        InvalidationInbox inbox = invalidations();

        Http.Response rotated = rotate(token, created.path("id").asLong(), Map.of("grace_seconds", 0));

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().path("rotation_grace_ends_at").isNull()).isTrue();
        assertThat(inbox.nextMessage().path("hashes").get(0).asString()).isEqualTo(ApiKeyFormat.hashHex(old));
        assertThat(exchange(old).status()).isEqualTo(400);
        assertThat(exchange(rotated.json().path("key").asString()).status()).isEqualTo(200);
    }

    @Test
    void aShortGraceEndsWhenAsked() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();

        JsonNode rotated = rotate(token, id, Map.of("grace_seconds", 60)).json();

        assertThat(Instant.parse(rotated.path("rotation_grace_ends_at").asString()))
            .isCloseTo(Instant.now().plusSeconds(60), within(10, ChronoUnit.SECONDS));
    }

    @Test
    void aGraceBeyondTheConfiguredOneOrBelowZeroIsABadRequestAndRotatesNothing() {
        String token = tokenFor(newUser("user"));
        JsonNode created = createKey(token, Map.of("name", "k"));
        long id = created.path("id").asLong();

        for (Object grace : new Object[] { 86_401, -1, "60", 1.5, true, Long.MAX_VALUE }) {
            Http.Response response = rotate(token, id, Map.of("grace_seconds", grace));
            assertProblem(response, 400, "validation_failed");
            assertThat(response.json().path("errors").get(0).path("field").asString()).as("grace %s", grace)
                .isEqualTo("grace_seconds");
        }
        assertThat(exchange(created.path("key").asString()).status()).isEqualTo(200);
        assertThat(rotate(token, id, Map.of("grace_seconds", 86_400)).status()).isEqualTo(200);
    }

    @Test
    void withoutABodyTheConfiguredGraceApplies() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();

        JsonNode rotated = http.post("/api/v1/api-keys/" + id + "/rotate", token, null).json();

        assertThat(Instant.parse(rotated.path("rotation_grace_ends_at").asString()))
            .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
    }

    private Http.Response rotate(String token, long id, Map<String, ?> body) {
        return http.post("/api/v1/api-keys/" + id + "/rotate", token, body);
    }
}
