package org.ssoplatform.auth.token;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationProvider;

/**
 * Spring Authorization Server's own token exchange (an access token for another) is off unless the
 * client is registered with {@link #EXCHANGES_ACCESS_TOKENS}: the gateway holds the token-exchange grant
 * for API keys alone, and must not turn any token it proxies into one of its own.
 */
public final class AccessTokenExchangePolicy implements AuthenticationProvider {

    /** Client setting ({@code platform.clients.<id>.exchanges-access-tokens}). */
    public static final String EXCHANGES_ACCESS_TOKENS = "settings.client.platform.exchanges-access-tokens";

    private final AuthenticationProvider exchange;

    private AccessTokenExchangePolicy(AuthenticationProvider exchange) {
        this.exchange = exchange;
    }

    /** Wraps Spring Authorization Server's token-exchange provider, leaves any other as it is. */
    public static AuthenticationProvider applyTo(AuthenticationProvider provider) {
        return provider instanceof OAuth2TokenExchangeAuthenticationProvider ? new AccessTokenExchangePolicy(provider)
                : provider;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller)
                || caller.getRegisteredClient() == null
                || !Boolean.TRUE.equals(caller.getRegisteredClient().getClientSettings().getSetting(EXCHANGES_ACCESS_TOKENS))) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
                    "This client may exchange API keys only", null));
        }
        return exchange.authenticate(request);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return exchange.supports(authentication);
    }
}
