package org.ssoplatform.resourceserver;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInvocation;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.contract.Claims;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The {@link RequireAuthType} decision, shared by the servlet and the reactive method interceptors. It throws
 * instead of denying because a denial would become a 403, and the platform answers a wrong kind of credential
 * with 401.
 */
public final class AuthTypeCheck {

    private static final Map<MethodClassKey, Optional<RequireAuthType>> ANNOTATIONS = new ConcurrentHashMap<>();

    /** Just before {@code @PreAuthorize}, so a wrong kind of token is 401 even where a role is also missing. */
    public static final int ORDER = AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 1;

    private AuthTypeCheck() {
    }

    /** Methods carrying {@link RequireAuthType} (or an annotation built on it), or declared in a class that does. */
    public static Pointcut pointcut() {
        return Pointcuts.union(new AnnotationMatchingPointcut(RequireAuthType.class, true),
                new AnnotationMatchingPointcut(null, RequireAuthType.class, true));
    }

    /**
     * Passes when the method requires no auth type or the caller's token has one it accepts.
     *
     * @param authentication the caller, or {@code null} when there is none
     * @throws org.springframework.security.core.AuthenticationException when the token is of another kind
     */
    public static void verify(MethodInvocation call, Authentication authentication) {
        RequireAuthType required = findAnnotation(call);
        if (required == null) {
            return;
        }
        // The one claim needed, not the whole caller: this runs on every call of an annotated method.
        AuthType actual = authentication instanceof JwtAuthenticationToken token
                ? AuthType.fromClaim(token.getToken().getClaim(Claims.AUTH_TYPE)).orElse(null) : null;
        if (actual == null || !Arrays.asList(required.value()).contains(actual)) {
            throw new WrongAuthTypeException(required.value());
        }
    }

    /**
     * The method's annotation wins over its class's, as with {@code @PreAuthorize}; looked up once per method and
     * class, as Spring Security does for its own annotations (the merged-annotation search is not cached).
     */
    private static RequireAuthType findAnnotation(MethodInvocation call) {
        Class<?> targetClass = call.getThis() != null ? AopUtils.getTargetClass(call.getThis())
                : call.getMethod().getDeclaringClass();
        return ANNOTATIONS.computeIfAbsent(new MethodClassKey(call.getMethod(), targetClass), key -> {
            Method method = AopUtils.getMostSpecificMethod(call.getMethod(), targetClass);
            RequireAuthType onMethod = AnnotatedElementUtils.findMergedAnnotation(method, RequireAuthType.class);
            return Optional.ofNullable(onMethod != null ? onMethod
                    : AnnotatedElementUtils.findMergedAnnotation(targetClass, RequireAuthType.class));
        }).orElse(null);
    }
}
