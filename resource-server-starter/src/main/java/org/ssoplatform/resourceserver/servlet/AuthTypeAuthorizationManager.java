package org.ssoplatform.resourceserver.servlet;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;
import org.ssoplatform.resourceserver.AuthTypeCheck;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/** Enforces {@link org.ssoplatform.resourceserver.RequireAuthType} in front of the annotated method. */
final class AuthTypeAuthorizationManager implements AuthorizationManager<MethodInvocation> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation call) {
        AuthTypeCheck.verify(call, authentication.get());
        return new AuthorizationDecision(true);
    }
}
