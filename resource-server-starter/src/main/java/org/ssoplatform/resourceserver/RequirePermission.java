package org.ssoplatform.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Requires a permission; a caller without it is answered 403. A meta-annotation over {@link PreAuthorize}
 * (the auto-configuration registers the template defaults), so only one of these fits on a method: for
 * combinations write {@code @PreAuthorize} yourself.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('{value}')")
public @interface RequirePermission {

    /** @return the permission, e.g. {@code users:read} */
    String value();
}
