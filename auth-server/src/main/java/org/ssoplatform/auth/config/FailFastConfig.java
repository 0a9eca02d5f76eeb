package org.ssoplatform.auth.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ssoplatform.auth.shared.FailFastDatabase;

/**
 * A dead PostgreSQL or Redis costs a request at most a fraction of a second, then a 503 (shared.DependencyDownFilter):
 * the database is refused at once while it is known to be down ({@link FailFastDatabase}); every Redis command has a
 * timeout, and while Redis is disconnected commands fail at once instead of queueing; and both are retried often
 * enough to recover within a second of their return.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FailFastConfig.FailFastProperties.class)
class FailFastConfig {

    /**
     * {@code platform.fail-fast.*}.
     *
     * @param databaseRetryAfter how long connections are refused after PostgreSQL could not be reached, before one
     *        request tries it again
     * @param redisReconnectMax the longest pause between two attempts to reconnect to Redis
     */
    @ConfigurationProperties("platform.fail-fast")
    record FailFastProperties(@DefaultValue("1s") Duration databaseRetryAfter,
            @DefaultValue("500ms") Duration redisReconnectMax) {
    }

    @Bean
    static BeanPostProcessor failFastDatabase(ObjectProvider<FailFastProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && !(bean instanceof FailFastDatabase)
                        ? new FailFastDatabase(pool, properties.getObject().databaseRetryAfter()) : bean;
            }
        };
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastRedis(@Value("${spring.data.redis.timeout:1s}") Duration timeout,
            @Value("${spring.data.redis.connect-timeout:1s}") Duration connectTimeout) {
        return builder -> builder.timeoutOptions(TimeoutOptions.enabled(timeout))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
    }

    /** Lettuce's default back-off grows to 30 s between reconnect attempts. */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect(FailFastProperties properties) {
        return builder -> builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50),
                properties.redisReconnectMax(), 2, TimeUnit.MILLISECONDS));
    }
}
