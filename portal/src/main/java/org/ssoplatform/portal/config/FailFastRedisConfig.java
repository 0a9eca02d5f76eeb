package org.ssoplatform.portal.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.Delay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A hung or dead Redis costs a page at most {@code spring.data.redis.timeout}, then a 503 page
 * (web.SessionStoreDownFilter): every command has that timeout, commands fail at once while Redis is disconnected
 * instead of queueing, and reconnects are tried at most {@code platform.portal.redis-reconnect-max} apart.
 */
@Configuration(proxyBeanMethods = false)
class FailFastRedisConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer failFastRedis(@Value("${spring.data.redis.timeout:500ms}") Duration timeout,
            @Value("${spring.data.redis.connect-timeout:500ms}") Duration connectTimeout) {
        return builder -> builder.timeoutOptions(TimeoutOptions.enabled(timeout))
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build());
    }

    /** Lettuce's default back-off grows to 30 s between reconnect attempts. */
    @Bean
    ClientResourcesBuilderCustomizer quickRedisReconnect(PortalProperties portal) {
        return builder -> builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), portal.redisReconnectMax(), 2,
                TimeUnit.MILLISECONDS));
    }
}
