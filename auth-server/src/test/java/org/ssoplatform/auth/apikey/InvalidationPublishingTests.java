package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/** What gateways hear on {@code {ns}:apikey:invalidations}: every change that narrows a key, only once committed. */
class InvalidationPublishingTests extends ManagementApiFlow {

    @Autowired
    ApiKeyRepository keys;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyChangeToWhatAKeyMayDoPublishesItsHash() {
        String token = tokenFor(newUser("user"));
        JsonNode key = createKey(token, Map.of("name", "k"));
        String path = "/api/v1/api-keys/" + key.path("id").asLong();
        String hash = ApiKeyFormat.hashHex(key.path("key").asString());
        InvalidationInbox inbox = invalidations();

        assertThat(http.patch(path + "/deactivate", token, null).status()).isEqualTo(200);
        assertThat(hashes(inbox.nextMessage())).containsExactly(hash);
        assertThat(http.patch(path + "/activate", token, null).status()).isEqualTo(200);
        assertThat(hashes(inbox.nextMessage())).containsExactly(hash);
        assertThat(http.patch(path, token, Map.of("expires_at", Instant.now().plus(2, ChronoUnit.DAYS).toString()))
            .status()).isEqualTo(200);
        assertThat(hashes(inbox.nextMessage())).containsExactly(hash);
        assertThat(http.patch(path, token, Map.of("permission_ids", List.of(permissionId("posts:read")))).status())
            .isEqualTo(200);
        assertThat(hashes(inbox.nextMessage())).containsExactly(hash);
        assertThat(http.patch(path, token, Map.of("name", "renamed only")).status()).isEqualTo(200);
        inbox.assertNothingPublished();
        assertThat(http.delete(path, token).status()).isEqualTo(204);
        assertThat(hashes(inbox.nextMessage())).containsExactly(hash);
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "k")).path("id").asLong();
        InvalidationInbox inbox = invalidations();

        assertProblem(http.patch("/api/v1/api-keys/" + id, token, Map.of("role_ids", List.of(roleId("admin")))), 403,
                "grant_not_held");
        assertProblem(http.patch("/api/v1/api-keys/" + id + "/deactivate", tokenFor(newUser("user")), null), 404,
                "not_found");
        assertProblem(http.patch("/api/v1/api-keys/" + id, token, Map.of("expires_at", "2001-01-01T00:00:00Z")), 400,
                "validation_failed");

        inbox.assertNothingPublished();
        ApiKey unchanged = keys.findById(id).orElseThrow();
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.roleIds()).isEmpty();
        assertThat(unchanged.expiresAt()).isNull();
    }

    @Test
    void anInvalidationRaisedInARolledBackTransactionIsNeverPublished() {
        InvalidationInbox inbox = invalidations();

        transactions.executeWithoutResult(status -> {
            events.publishEvent(KeysInvalidated.of(List.of("rolled-back")));
            status.setRollbackOnly();
        });
        inbox.assertNothingPublished();

        transactions.executeWithoutResult(status -> events.publishEvent(KeysInvalidated.of(List.of("committed"))));
        assertThat(hashes(inbox.nextMessage())).containsExactly("committed");
    }

    /** The template is the server's own; pointing it at a closed port for one request is a Redis outage. */
    @Test
    void aRedisOutageDoesNotUndoTheChange() {
        String token = tokenFor(newUser("user"));
        JsonNode key = createKey(token, Map.of("name", "k"));
        long id = key.path("id").asLong();
        InvalidationInbox inbox = invalidations();
        RedisConnectionFactory live = redis.getRequiredConnectionFactory();
        LettuceConnectionFactory down = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", TestSocketUtils.findAvailableTcpPort()));
        down.afterPropertiesSet();
        down.start();
        int status;
        try {
            redis.setConnectionFactory(down);
            status = http.patch("/api/v1/api-keys/" + id + "/deactivate", token, null).status();
        }
        finally {
            redis.setConnectionFactory(live);
            down.destroy();
        }

        assertThat(status).isEqualTo(200);
        assertThat(keys.findById(id).orElseThrow().active()).isFalse();
        // The outbox publishes it once Redis answers again: late, never lost (and not into another test's inbox).
        assertThat(hashes(inbox.nextMessage())).containsExactly(ApiKeyFormat.hashHex(key.path("key").asString()));
    }

    private static List<String> hashes(JsonNode message) {
        return StreamSupport.stream(message.path("hashes").spliterator(), false)
            .map(JsonNode::asString)
            .toList();
    }
}
