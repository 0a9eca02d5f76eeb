package org.ssoplatform.gateway.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.ssoplatform.contract.RedisKeys;

/**
 * Redis must never make a request hang (spring-cloud-gateway#3373): every command gets a timeout,
 * and while the connection is down commands fail at once instead of queueing until it returns.
 * Lettuce keeps reconnecting in the background, at most 500 ms apart, so the gateway recovers soon
 * after Redis does; while it has no connection at all, {@link FailFastRedisConnections} keeps callers
 * from queueing for one.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfig {

    @Bean
    RedisKeys redisKeys(PlatformRedisProperties properties) {
        return new RedisKeys(properties.namespace());
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastRedis(@Value("${spring.data.redis.timeout:500ms}") Duration timeout,
            @Value("${spring.data.redis.connect-timeout:1s}") Duration connectTimeout) {
        return builder -> builder.timeoutOptions(TimeoutOptions.enabled(timeout))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
    }

    /** Every reactive Redis user of the gateway gets its connections through this one. */
    @Bean
    @Primary
    ReactiveRedisConnectionFactory failFastRedisConnections(LettuceConnectionFactory lettuce) {
        return new FailFastRedisConnections(lettuce, Duration.ofSeconds(1));
    }

    /** Lettuce's default back-off grows to 30 s between reconnect attempts; 500 ms bounds the recovery. */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect() {
        return builder -> builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofMillis(500), 2,
                TimeUnit.MILLISECONDS));
    }
}
