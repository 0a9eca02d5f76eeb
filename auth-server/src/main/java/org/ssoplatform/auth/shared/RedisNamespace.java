package org.ssoplatform.auth.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code platform.redis.namespace}: the prefix of every Redis key and channel of the platform. */
@ConfigurationProperties("platform.redis")
public record RedisNamespace(@DefaultValue("platform") String namespace) {

    public String key(String suffix) {
        return namespace + ":" + suffix;
    }
}
