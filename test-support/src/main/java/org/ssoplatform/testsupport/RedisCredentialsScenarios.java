package org.ssoplatform.testsupport;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app's own configuration (its application.yml, on the test's class path) reaches a Redis that requires
 * a password through REDIS_PASSWORD, an ACL user through REDIS_USERNAME, and TLS through REDIS_SSL: a real
 * second redis-server process started with requirepass. An app's test class extends this one.
 */
public abstract class RedisCredentialsScenarios {

    private static PasswordProtectedRedis redis;

    @BeforeAll
    static void start() {
        redis = PasswordProtectedRedis.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void connectsWithRedisPassword() {
        try (ConfigurableApplicationContext app = app("--REDIS_PASSWORD=" + redis.password())) {
            assertRoundTrip(app);
        }
    }

    @Test
    void connectsAsAnAclUserWithRedisUsername() {
        try (ConfigurableApplicationContext app = app("--REDIS_USERNAME=" + PasswordProtectedRedis.USERNAME,
                "--REDIS_PASSWORD=" + redis.password())) {
            assertRoundTrip(app);
        }
    }

    @Test
    void withoutThePasswordTheServerRefusesIt() {
        try (ConfigurableApplicationContext app = app()) {
            // NOAUTH, or a handshake that never completes: either way nothing is read or written.
            assertThatThrownBy(() -> assertRoundTrip(app)).isInstanceOf(DataAccessException.class);
        }
    }

    @Test
    void redisSslTurnsOnTls() {
        try (ConfigurableApplicationContext app = app("--REDIS_SSL=true")) {
            assertThat(app.getBean(LettuceConnectionFactory.class).isUseSsl()).isTrue();
        }
        try (ConfigurableApplicationContext app = app()) {
            assertThat(app.getBean(LettuceConnectionFactory.class).isUseSsl()).isFalse();
        }
    }

    private static void assertRoundTrip(ConfigurableApplicationContext app) {
        StringRedisTemplate template = app.getBean(StringRedisTemplate.class);
        String key = "credentials-test:" + UUID.randomUUID();
        template.opsForValue().set(key, "reached");
        assertThat(template.opsForValue().get(key)).isEqualTo("reached");
    }

    private static ConfigurableApplicationContext app(String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--REDIS_HOST=" + redis.host();
        args[1] = "--REDIS_PORT=" + redis.port();
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new SpringApplicationBuilder(RedisOnly.class).web(WebApplicationType.NONE).run(args);
    }

    /** Only Spring Boot's Redis client, configured by the app's application.yml. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DataRedisAutoConfiguration.class)
    static class RedisOnly {
    }
}
