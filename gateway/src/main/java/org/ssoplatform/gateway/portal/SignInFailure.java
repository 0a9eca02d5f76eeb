package org.ssoplatform.gateway.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

/**
 * A failed sign-in at the portal: logged with its reason (an unknown state, a refused code...), and
 * the person sent back to the start page, which says so, instead of Spring's {@code /login?error}.
 */
final class SignInFailure implements ServerAuthenticationFailureHandler {

    static final String ERROR_PAGE = StartPage.PATH + "?error";

    private static final Logger log = LoggerFactory.getLogger(SignInFailure.class);

    private final ServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(ERROR_PAGE);

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        String reason = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().toString()
                : exception.getClass().getSimpleName();
        log.warn("Portal sign-in failed: {}", reason);
        return redirect.onAuthenticationFailure(exchange, exception);
    }
}
