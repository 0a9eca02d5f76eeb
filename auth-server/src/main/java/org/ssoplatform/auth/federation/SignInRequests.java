package org.ssoplatform.auth.federation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The authorization requests auth-server sends to providers: Spring Security's (state, PKCE, OIDC nonce).
 * Every one is a sign-in, answered at the sign-in callback ({@code /login/oauth2/code/{registrationId}}),
 * including a link started from the account page. A sign-in started with {@code ?prompt=login} (signing in
 * again before linking) asks an OIDC provider to authenticate the person afresh rather than answer from its
 * own session; plain OAuth2 providers have no such parameter, and for them the round trip is the new sign-in.
 */
final class SignInRequests implements OAuth2AuthorizationRequestResolver {

    static final String PROMPT = "prompt";

    static final String LOGIN = "login";

    /** The {@code {action}} of a redirect-uri template such as Spring Boot's default for Google. */
    private static final String ACTION = "action";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    SignInRequests(ClientRegistrationRepository providers) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(providers,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return fresh(request, delegate.resolve(signIn(request)));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        return fresh(request, delegate.resolve(signIn(request), registrationId));
    }

    /** Pins the action to "login": Spring's own choice by registration id, "authorize", has no callback here. */
    private static HttpServletRequest signIn(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return ACTION.equals(name) ? LOGIN : super.getParameter(name);
            }
        };
    }

    private static OAuth2AuthorizationRequest fresh(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
        if (resolved == null || !LOGIN.equals(request.getParameter(PROMPT))
                || !resolved.getScopes().contains(OidcScopes.OPENID)) {
            return resolved;
        }
        return OAuth2AuthorizationRequest.from(resolved)
            .additionalParameters(parameters -> parameters.put(PROMPT, LOGIN))
            .authorizationRequestUri((String) null) // built again, with the new parameter
            .build();
    }
}
