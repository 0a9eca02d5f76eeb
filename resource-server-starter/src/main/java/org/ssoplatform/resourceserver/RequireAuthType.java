package org.ssoplatform.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ssoplatform.contract.AuthType;

/**
 * Accepts only tokens whose {@code auth_type} is one of {@link #value()}; any other token is answered 401 (the
 * caller used the wrong kind of credential, which is an authentication problem, not a missing grant).
 * Combines with {@link RequireRole}, {@link RequirePermission} and {@link RequireScope}; the method's annotation
 * wins over the class's.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequireAuthType {

    AuthType[] value();
}
