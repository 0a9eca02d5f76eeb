package org.ssoplatform.resourceserver;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.ssoplatform.contract.AuthType;

/**
 * Enforces {@link RequireAuthType} (and the annotations built on it) in front of the annotated method. It throws
 * instead of denying because a denial would become a 403, and the platform answers a wrong kind of credential
 * with 401.
 */
final class AuthTypeAuthorizationManager implements AuthorizationManager<MethodInvocation> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation call) {
        RequireAuthType required = findAnnotation(call);
        if (required == null) {
            return new AuthorizationDecision(true);
        }
        AuthType actual = authentication.get() instanceof JwtAuthenticationToken token
                ? PlatformCaller.from(token.getToken()).authType() : null;
        if (actual != null && Arrays.asList(required.value()).contains(actual)) {
            return new AuthorizationDecision(true);
        }
        throw new WrongAuthTypeException(required.value());
    }

    /** The method's annotation wins over its class's, as with {@code @PreAuthorize}. */
    private static RequireAuthType findAnnotation(MethodInvocation call) {
        Class<?> targetClass = call.getThis() != null ? AopUtils.getTargetClass(call.getThis())
                : call.getMethod().getDeclaringClass();
        Method method = AopUtils.getMostSpecificMethod(call.getMethod(), targetClass);
        RequireAuthType onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequireAuthType.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(targetClass, RequireAuthType.class);
    }
}
