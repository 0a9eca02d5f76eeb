package org.ssoplatform.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code platform.redis.namespace}: the prefix of every Redis key and channel (docs/contracts.md). */
@ConfigurationProperties("platform.redis")
public record PlatformRedisProperties(@DefaultValue("platform") String namespace) {
}
