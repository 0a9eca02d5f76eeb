package org.ssoplatform.gateway.apikey;

import java.time.Clock;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.ssoplatform.contract.RedisKeys;
import org.ssoplatform.gateway.config.GatewayProperties;
import org.ssoplatform.gateway.web.ClientAddresses;
import org.ssoplatform.gateway.web.ProblemEntryPoint;
import org.ssoplatform.gateway.web.Problems;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/** API keys: the two cache tiers, the token exchange, revocation and usage counting. */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfig {

    @Bean
    ApiKeyMeters apiKeyMeters(MeterRegistry registry) {
        return new ApiKeyMeters(registry);
    }

    @Bean
    LocalTokenCache localTokenCache(ApiKeyProperties properties) {
        return new LocalTokenCache(properties.localMaxEntries());
    }

    @Bean
    ApiKeyRedis apiKeyRedis(ReactiveStringRedisTemplate redis, RedisKeys keys, ApiKeyProperties properties) {
        return new ApiKeyRedis(redis, keys, properties);
    }

    @Bean
    TokenExchangeClient tokenExchangeClient(GatewayProperties gateway, ApiKeyProperties properties, ApiKeyMeters meters,
            ObservationRegistry observations) {
        if (properties.clientSecret().isBlank()) {
            LoggerFactory.getLogger(ApiKeyConfig.class)
                .warn("GATEWAY_CLIENT_SECRET is not set: API keys not already cached will get 503");
        }
        int timeoutMillis = (int) properties.exchangeTimeout().toMillis();
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
            .responseTimeout(properties.exchangeTimeout());
        // Observed, so that the exchange joins the request's trace (traceparent) when tracing is on.
        WebClient web = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .observationRegistry(observations)
            .build();
        return new TokenExchangeClient(web, gateway.authServer("/oauth2/token"), properties, meters);
    }

    @Bean
    ApiKeyResolver apiKeyResolver(LocalTokenCache local, ApiKeyRedis redis, TokenExchangeClient exchange,
            ApiKeyProperties properties, ApiKeyMeters meters) {
        return new ApiKeyResolver(local, redis, exchange, properties, Clock.systemUTC(), meters);
    }

    @Bean
    UsageRecorder usageRecorder(ReactiveStringRedisTemplate redis, RedisKeys keys, ApiKeyProperties properties) {
        return new UsageRecorder(redis, keys, properties, Clock.systemUTC());
    }

    @Bean
    InvalidationListener invalidationListener(ReactiveRedisConnectionFactory connections, ClientResources lettuce,
            RedisKeys keys, LocalTokenCache local, ApiKeyRedis redis, JsonMapper json, ApiKeyMeters meters) {
        return new InvalidationListener(connections, lettuce.eventBus(), keys, local, redis, json, meters);
    }

    @Bean
    ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyResolver resolver, UsageRecorder usage, ProblemEntryPoint entryPoint,
            Problems problems, ApiKeyMeters meters, ClientAddresses addresses) {
        return new ApiKeyAuthenticator(resolver, usage, entryPoint, problems, meters, addresses);
    }
}
