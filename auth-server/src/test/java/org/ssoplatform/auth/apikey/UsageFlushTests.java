package org.ssoplatform.auth.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.contract.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateways' usage stamps in Redis reach {@code last_used_at} in batches, never backwards. The scheduled
 * run may pop an id just before the test's own run does, so results are awaited briefly, not read at once.
 */
class UsageFlushTests extends ManagementApiFlow {

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    UsageFlush flush;

    @Test
    void stampsWrittenLikeTheGatewayReachLastUsedAtAndLeaveTheDirtySetEmpty() {
        String token = tokenFor(newUser("user"));
        long first = createKey(token, Map.of("name", "a")).path("id").asLong();
        long second = createKey(token, Map.of("name", "b")).path("id").asLong();
        Instant usedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);

        used(first, usedAt);
        used(second, usedAt.plusMillis(1));
        redis.opsForSet().add(dirty("not-a-key-id"), "not-a-key-id");
        redis.opsForSet().add(dirty("999999999"), "999999999");
        flush.flush();

        assertLastUsedAt(first, usedAt);
        assertLastUsedAt(second, usedAt.plusMillis(1));
        for (String id : List.of(first + "", second + "", "not-a-key-id", "999999999")) {
            assertThat(redis.opsForSet().size(dirty(id))).isZero();
        }
        assertThat(http.get("/api/v1/api-keys/" + first, token).json().path("last_used_at").asString())
            .isEqualTo(usedAt.toString());
    }

    @Test
    void anOlderStampNeverMovesLastUsedAtBack() {
        long id = createKey(tokenFor(newUser("user")), Map.of("name", "a")).path("id").asLong();
        Instant recent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        used(id, recent);
        flush.flush();
        assertLastUsedAt(id, recent);

        used(id, recent.minusSeconds(3600));
        flush.flush();

        assertThat(redis.opsForSet().size(dirty(id + ""))).isZero();
        assertLastUsedAt(id, recent);
    }

    @Test
    void savingAKeyNeverOverwritesAFlushedStamp() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "a")).path("id").asLong();
        ApiKey loadedBeforeTheFlush = keys.findById(id).orElseThrow();
        Instant usedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        used(id, usedAt);
        flush.flush();
        assertLastUsedAt(id, usedAt);

        keys.save(loadedBeforeTheFlush.withActive(false, false));

        assertThat(keys.findById(id).orElseThrow().lastUsedAt()).isEqualTo(usedAt);
    }

    private void assertLastUsedAt(long keyId, Instant expected) {
        await().atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(keys.findById(keyId).orElseThrow().lastUsedAt()).isEqualTo(expected));
    }

    /** As the gateway records a use: the stamp in the key's hash, the id in the dirty set. */
    private void used(long keyId, Instant at) {
        RedisKeys keys = new RedisKeys(namespace.namespace());
        redis.opsForHash().put(keys.usage(Long.toString(keyId)), RedisKeys.USAGE_LAST_USED_AT,
                Long.toString(at.toEpochMilli()));
        redis.opsForSet().add(dirty(Long.toString(keyId)), Long.toString(keyId));
    }

    /** The dirty set of the key's usage shard. */
    private String dirty(String keyId) {
        return new RedisKeys(namespace.namespace()).usageDirty(RedisKeys.usageShard(keyId));
    }
}
