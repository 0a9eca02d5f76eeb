package org.ssoplatform.gateway.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ssoplatform.gateway.GatewayApplication;

/** A further gateway instance in this JVM, as a second replica would run: its own port, caches and subscription. */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Same Redis, namespace and stand-ins as {@code reference}, overridden by {@code overrides}; an override to
     * {@code ""} leaves the setting at its shipped default.
     */
    public static GatewayInstance like(ConfigurableApplicationContext reference, Map<String, Object> overrides) {
        Environment env = reference.getEnvironment();
        DataRedisConnectionDetails redis = reference.getBean(DataRedisConnectionDetails.class);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        properties.put("spring.data.redis.host", redis.getStandalone().getHost());
        properties.put("spring.data.redis.port", redis.getStandalone().getPort());
        for (String name : new String[] { "platform.redis.namespace", "platform.gateway.auth-server-url",
                "platform.gateway.auth-issuer", "RESOURCE_SERVICE_URL", "platform.gateway.api-key.client-secret",
                "platform.gateway.api-key.exchange-timeout", "platform.gateway.api-key.expiry-margin" }) {
            properties.put(name, env.getRequiredProperty(name));
        }
        properties.putAll(overrides);
        properties.values().removeIf(""::equals); // an empty override: the shipped default
        // As command-line arguments: they outrank application.yml, unlike builder properties.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
        return new GatewayInstance(new SpringApplicationBuilder(GatewayApplication.class, OwnNettyResources.class)
            .web(WebApplicationType.REACTIVE)
            .run(args));
    }

    /**
     * Reactor Netty's default resources are global to the JVM and closing a context disposes them,
     * which would break every other gateway context in this test JVM; this instance gets its own.
     */
    @Configuration(proxyBeanMethods = false)
    public static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        }
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public WebTestClient client() {
        return SharedGateway.client(port(), "127.0.0.1");
    }

    public WebTestClient client(String sourceAddress) {
        return SharedGateway.client(port(), sourceAddress);
    }

    @Override
    public void close() {
        context.close();
    }
}
