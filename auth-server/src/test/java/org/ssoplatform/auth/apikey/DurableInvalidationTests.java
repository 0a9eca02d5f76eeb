package org.ssoplatform.auth.apikey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.InstanceTokens;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.testsupport.TcpProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invalidation survives Redis being away when the change is made: it is kept with the change in PostgreSQL
 * and published once Redis is back. The instance runs on a database of its own, so that no other instance with a
 * working Redis relays it first, and reaches Redis through a proxy that the test closes and reopens.
 */
class DurableInvalidationTests extends AuthServerFlow {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;


    @Test
    void aKeyDeactivatedWhileRedisIsDownIsInvalidatedWithinOneSecondOfRedisReturning() throws Exception {
        String database = "durable_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("CREATE DATABASE " + database).update();
        String namespace = "durable-" + UUID.randomUUID();
        try (TcpProxy redisProxy = new TcpProxy(environment.getProperty("spring.data.redis.host"),
                environment.getProperty("spring.data.redis.port", Integer.class));
                ConfigurableApplicationContext instance = SecondInstance.start(environment,
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url")
                            .replaceAll("/[^/?]+(\\?.*)?$", "/" + database),
                        "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisProxy.port(),
                        "platform.redis.namespace=" + namespace);
                InvalidationInbox inbox = new InvalidationInbox(redis, namespace + ":apikey:invalidations")) {
            Http http = new Http(SecondInstance.base(instance));
            String token = InstanceTokens.user(instance);
            Http.Response created = http.post("/api/v1/api-keys/", token, Map.of("name", "durable"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            String hash = ApiKeyFormat.hashHex(created.json().path("key").asString());

            redisProxy.stop();
            Http.Response deactivated = http.patch("/api/v1/api-keys/" + id + "/deactivate", token, null);
            assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
            Thread.sleep(1_500); // several relay rounds against the closed port
            inbox.assertNothingPublished();

            redisProxy.start();
            long back = System.nanoTime();
            JsonNode message = inbox.nextMessage();
            Duration after = Duration.ofNanos(System.nanoTime() - back);

            List<String> hashes = new ArrayList<>();
            message.path("hashes").forEach(node -> hashes.add(node.asString()));
            assertThat(hashes).containsExactly(hash);
            assertThat(after).as("published after Redis returned").isLessThan(Duration.ofSeconds(1));
            inbox.assertNothingPublished(); // once, not again at each relay round
        }
        finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
        }
    }
}
