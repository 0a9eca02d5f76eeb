package org.ssoplatform.gateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts read from the classpath once. A script made from the resource itself asks on every
 * execution whether the file changed, which inside a jar throws a {@code FileNotFoundException} per
 * call (see docs/performance.md#rate-limiter).
 */
public final class RedisScripts {

    private RedisScripts() {
    }

    public static <T> RedisScript<T> fromClasspath(String path, Class<T> resultType) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Redis script " + path + " is missing", ex);
        }
    }
}
