package org.ssoplatform.auth.apikey;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key an admin deactivated is locked: its owner cannot switch it back on (the admin took it away for a reason),
 * only an admin can. A key its owner deactivated stays theirs to re-activate.
 */
class AdminLockedKeyTests extends ManagementApiFlow {

    @Test
    void theOwnerCannotReactivateAKeyAnAdminDeactivated() {
        String owner = tokenFor(newUser("user"));
        JsonNode created = createKey(owner, Map.of("name", "leaked"));
        long id = created.path("id").asLong();

        JsonNode locked = http.patch("/api/v1/api-keys/" + id + "/deactivate", tokenFor(newUser("admin")), null).json();

        assertThat(locked.path("locked").asBoolean()).isTrue();
        assertProblem(http.patch("/api/v1/api-keys/" + id + "/activate", owner, null), 403, "key_locked");
        assertThat(http.get("/api/v1/api-keys/" + id, owner).json().path("is_active").asBoolean()).isFalse();
        assertThat(exchange(created.path("key").asString()).status()).isEqualTo(400);
    }

    @Test
    void theOwnerSwitchingALockedKeyOffAgainDoesNotUnlockIt() {
        String owner = tokenFor(newUser("user"));
        long id = createKey(owner, Map.of("name", "leaked")).path("id").asLong();
        http.patch("/api/v1/api-keys/" + id + "/deactivate", tokenFor(newUser("admin")), null);

        JsonNode again = http.patch("/api/v1/api-keys/" + id + "/deactivate", owner, null).json();

        assertThat(again.path("locked").asBoolean()).isTrue();
        assertProblem(http.patch("/api/v1/api-keys/" + id + "/activate", owner, null), 403, "key_locked");
    }

    @Test
    void anAdminUnlocksAKeyTheyDeactivated() {
        String owner = tokenFor(newUser("user"));
        JsonNode created = createKey(owner, Map.of("name", "suspect"));
        long id = created.path("id").asLong();
        String admin = tokenFor(newUser("admin"));
        http.patch("/api/v1/api-keys/" + id + "/deactivate", admin, null);

        JsonNode unlocked = http.patch("/api/v1/api-keys/" + id + "/activate", admin, null).json();

        assertThat(unlocked.path("is_active").asBoolean()).isTrue();
        assertThat(unlocked.path("locked").asBoolean()).isFalse();
        assertThat(exchange(created.path("key").asString()).status()).isEqualTo(200);
    }

    @Test
    void aKeyItsOwnerDeactivatedIsNotLocked() {
        String owner = tokenFor(newUser("user"));
        long id = createKey(owner, Map.of("name", "paused")).path("id").asLong();

        JsonNode paused = http.patch("/api/v1/api-keys/" + id + "/deactivate", owner, null).json();

        assertThat(paused.path("locked").asBoolean()).isFalse();
        assertThat(http.patch("/api/v1/api-keys/" + id + "/activate", owner, null).json().path("is_active")
            .asBoolean()).isTrue();
    }
}
