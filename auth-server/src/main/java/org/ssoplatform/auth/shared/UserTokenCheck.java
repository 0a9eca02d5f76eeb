package org.ssoplatform.auth.shared;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.PlatformCaller;

/**
 * Enforces {@link UserTokenRequired}. It throws a problem rather than denying, because a denial would reach the
 * generic 403 handler, which cannot tell the caller that a person's token, not another grant, is what is missing.
 * Other kinds of token pass on to the endpoint's own auth-type and role checks.
 */
public final class UserTokenCheck implements AuthorizationManager<MethodInvocation> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation call) {
        if (authentication.get() instanceof JwtAuthenticationToken token
                && PlatformCaller.from(token.getToken()).authType() == AuthType.API_KEY) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, UserTokenRequired.CODE,
                    "Changing roles, permissions, accounts, OAuth clients or signing keys needs a person's own token; "
                            + "an API key cannot do it.");
        }
        return new AuthorizationDecision(true);
    }
}
