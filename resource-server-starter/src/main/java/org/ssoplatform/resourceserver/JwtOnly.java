package org.ssoplatform.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ssoplatform.contract.AuthType;

/** Accepts only a signed-in user's JWT; API-key and client tokens are answered 401. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequireAuthType({ AuthType.JWT })
public @interface JwtOnly {
}
