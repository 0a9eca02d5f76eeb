package org.ssoplatform.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ssoplatform.portal.config.PortalProperties;

/**
 * The signed-in user's access token for the current request, refreshed when due. Taken once per request, so
 * the calls of one page never race each other's refresh (auth-server rotates refresh tokens and treats a
 * reused one as stolen).
 */
@Component
class AccessTokens {

    private static final String CURRENT = AccessTokens.class.getName() + ".current";

    private final OAuth2AuthorizedClientManager clients;

    AccessTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    String current() {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        if (request.getAttribute(CURRENT) instanceof String token) {
            return token;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            throw new SessionEndedException("not signed in", null);
        }
        OAuth2AuthorizeRequest authorize = OAuth2AuthorizeRequest.withClientRegistrationId(PortalProperties.REGISTRATION_ID)
            .principal(user)
            .attribute(HttpServletRequest.class.getName(), request)
            .attribute(HttpServletResponse.class.getName(), attributes.getResponse())
            .build();
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(authorize);
        }
        catch (ClientAuthorizationException ex) {
            if (ex.getCause() instanceof ResourceAccessException unreachable) {
                throw new ApiUnavailableException(unreachable);
            }
            throw new SessionEndedException(ex.getError().getErrorCode(), ex);
        }
        catch (ResourceAccessException ex) {
            throw new ApiUnavailableException(ex);
        }
        if (client == null) {
            throw new SessionEndedException("no authorized client in the session", null);
        }
        String token = client.getAccessToken().getTokenValue();
        request.setAttribute(CURRENT, token);
        return token;
    }
}
