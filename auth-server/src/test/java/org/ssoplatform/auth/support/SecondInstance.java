package org.ssoplatform.auth.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.ssoplatform.auth.AuthServerApplication;

/**
 * Another auth-server beside the one under test, on the same database, Redis namespace, issuer and
 * provider stand-ins: the second replica behind a load balancer.
 */
public final class SecondInstance {

    private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.data.redis.host", "spring.data.redis.port",
            "platform.redis.namespace", "platform.auth.issuer", "platform.auth.bootstrap-admins",
            "platform.signing.publish-ahead");

    private SecondInstance() {
    }

    /**
     * Starts it on a free port with the settings of {@code first}, then {@code overrides}
     * ({@code name=value}); close it when done.
     */
    public static ConfigurableApplicationContext start(ConfigurableEnvironment first, String... overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        SHARED.forEach(name -> settings.put(name, first.getProperty(name, "")));
        first.getPropertySources().stream()
            .filter(EnumerablePropertySource.class::isInstance)
            .flatMap(source -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
            .filter(name -> name.startsWith("spring.security.oauth2.client."))
            .forEach(name -> settings.putIfAbsent(name, first.getProperty(name)));
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        for (String override : overrides) {
            int equals = override.indexOf('=');
            settings.put(override.substring(0, equals), override.substring(equals + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(AuthServerApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    public static String base(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }
}
