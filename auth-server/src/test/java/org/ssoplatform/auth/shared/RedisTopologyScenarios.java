package org.ssoplatform.auth.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.testsupport.RedisTopology;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * auth-server's Redis work (browser sessions, invalidations, the usage flush) on a Redis deployment of several
 * real servers, connected by Spring Boot's own settings. Subclasses say which deployment and which further
 * settings their instance gets.
 */
abstract class RedisTopologyScenarios extends ManagementApiFlow {

    private static final String PORTAL_CALLBACK = "http://localhost:8080/portal/login/oauth2/code/portal";

    private static ConfigurableApplicationContext instance;

    private static RedisTopology topology;

    @Autowired
    ConfigurableEnvironment environment;

    abstract RedisTopology startTopology();

    /** Settings of the instance beyond the deployment's ({@code name=value}). */
    List<String> settings() {
        return List.of();
    }

    @BeforeEach
    void startInstance() {
        if (instance == null) {
            topology = startTopology();
            List<String> settings = new ArrayList<>(settings());
            topology.springProperties().forEach((name, value) -> settings.add(name + "=" + value));
            settings.add("platform.api-keys.usage-flush-interval=200ms");
            instance = SecondInstance.start(environment, settings.toArray(String[]::new));
        }
    }

    @AfterAll
    static void stopInstance() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
        if (topology != null) {
            topology.close();
            topology = null;
        }
    }

    /** The keys in the instance's own namespace, as its beans name them. */
    private static RedisKeys keys() {
        return new RedisKeys(instance.getBean(RedisNamespace.class).namespace());
    }

    @Test
    void aSignInSessionLivesInTheDeploymentAndExpires() {
        String authorize = SecondInstance.base(instance) + "/oauth2/authorize?response_type=code&client_id=portal"
                + "&redirect_uri=" + PORTAL_CALLBACK + "&scope=openid&state=s&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

        assertThat(new Browser().open(authorize, PORTAL_CALLBACK).statusCode()).isEqualTo(200);

        Map<String, Long> sessions = topology.ttls(keys().invalidations().replace(":apikey:invalidations", ":auth-session:*"));
        assertThat(sessions).isNotEmpty().allSatisfy((name, ttl) -> assertThat(ttl).as(name + " expires").isPositive());
    }

    @Test
    void aRevocationIsPublishedOnTheDeployment() throws Exception {
        String token = tokenFor(newUser("user"));
        Http second = new Http(SecondInstance.base(instance));
        JsonNode key = createKey(token, Map.of("name", "k"));
        long id = key.path("id").asLong();
        String hash = ApiKeyFormat.hashHex(key.path("key").asString());
        List<String> received = new CopyOnWriteArrayList<>();
        ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(
                instance.getBean(ReactiveRedisConnectionFactory.class));
        Disposable subscription = container.receiveLater(ChannelTopic.of(keys().invalidations()))
            .block(Duration.ofSeconds(10))
            .subscribe(message -> received.add(message.getMessage()));
        try {
            assertThat(second.patch("/api/v1/api-keys/" + id + "/deactivate", token, null).status()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
            assertThat(received.get(0)).contains(hash);
        }
        finally {
            subscription.dispose();
            container.destroy();
        }
    }

    @Test
    void usageInTheDeploymentReachesLastUsedAtAndTheDailyCountsOnce() {
        String token = tokenFor(newUser("user"));
        long id = createKey(token, Map.of("name", "used")).path("id").asLong();
        Instant usedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        RedisKeys keys = keys();
        StringRedisTemplate redis = instance.getBean(StringRedisTemplate.class);

        int shard = RedisKeys.usageShard(Long.toString(id));
        redis.opsForHash().put(keys.usage(Long.toString(id)), RedisKeys.USAGE_LAST_USED_AT, Long.toString(usedAt.toEpochMilli()));
        redis.opsForHash().put(keys.usage(Long.toString(id)), RedisKeys.USAGE_COUNT_PREFIX + LocalDate.now(ZoneOffset.UTC), "3");
        redis.opsForSet().add(keys.usageDirty(shard), Long.toString(id));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/api-keys/" + id, token).json().path("last_used_at").asString()).isEqualTo(usedAt.toString()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(redis.opsForSet().size(keys.usageClaims(shard))).isZero());
        assertThat(http.get("/api/v1/api-keys/" + id + "/usage?days=1", token).json().path("days").get(0).path("requests")
            .asLong()).isEqualTo(3);
        assertThat(redis.hasKey(keys.usage(Long.toString(id)))).isFalse();
    }
}
