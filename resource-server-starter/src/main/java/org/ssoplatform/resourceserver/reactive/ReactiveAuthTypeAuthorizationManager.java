package org.ssoplatform.resourceserver.reactive;

import java.util.Optional;

import org.aopalliance.intercept.MethodInvocation;
import org.ssoplatform.resourceserver.AuthTypeCheck;
import reactor.core.publisher.Mono;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;

/** Enforces {@link org.ssoplatform.resourceserver.RequireAuthType} in front of the annotated reactive method. */
final class ReactiveAuthTypeAuthorizationManager implements ReactiveAuthorizationManager<MethodInvocation> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, MethodInvocation call) {
        return authentication.map(Optional::of).defaultIfEmpty(Optional.empty()).map(caller -> {
            AuthTypeCheck.verify(call, caller.orElse(null));
            return new AuthorizationDecision(true);
        });
    }
}
