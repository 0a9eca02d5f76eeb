package org.ssoplatform.auth.device;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;

/** CLI sign-in: the device grant's parts, which the authorization server's filter chain takes in. */
@Configuration(proxyBeanMethods = false)
class DeviceConfig {

    @Bean
    DeviceSignIn deviceSignIn(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
            AuthorizationServerSettings settings, DeviceSignInProperties properties, AuthServerProperties auth,
            StringRedisTemplate redis, RedisNamespace namespace) {
        return new DeviceSignIn(clients, authorizations, settings, properties, auth, redis, namespace);
    }
}
