package org.ssoplatform.auth.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Who may learn what about a token (RFC 7662 §2.2, §4): a client may introspect the tokens issued to
 * it, and a client registered with {@link #ANY_TOKEN} (the gateway) any token; to every other client
 * a token is inactive, so a client that got hold of someone else's token cannot read its claims or
 * probe whether it still works.
 */
public final class IntrospectionPolicy implements AuthenticationProvider {

    /** Client setting ({@code platform.clients.<id>.introspects-any-token}). */
    public static final String ANY_TOKEN = "settings.client.platform.introspects-any-token";

    private final AuthenticationProvider introspection;

    private IntrospectionPolicy(AuthenticationProvider introspection) {
        this.introspection = introspection;
    }

    /** Wraps Spring Authorization Server's introspection provider, leaves any other as it is. */
    public static AuthenticationProvider applyTo(AuthenticationProvider provider) {
        return provider instanceof OAuth2TokenIntrospectionAuthenticationProvider ? new IntrospectionPolicy(provider)
                : provider;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        OAuth2TokenIntrospectionAuthenticationToken result = (OAuth2TokenIntrospectionAuthenticationToken) introspection
            .authenticate(request);
        if (result == null || !result.getTokenClaims().isActive()
                || !(result.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
                || mayIntrospect(caller.getRegisteredClient(), result.getTokenClaims())) {
            return result;
        }
        return new OAuth2TokenIntrospectionAuthenticationToken(result.getToken(), caller,
                OAuth2TokenIntrospection.builder().build());
    }

    private static boolean mayIntrospect(RegisteredClient caller, OAuth2TokenIntrospection token) {
        return caller != null && (Boolean.TRUE.equals(caller.getClientSettings().getSetting(ANY_TOKEN))
                || caller.getClientId().equals(token.getClientId()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return introspection.supports(authentication);
    }
}
