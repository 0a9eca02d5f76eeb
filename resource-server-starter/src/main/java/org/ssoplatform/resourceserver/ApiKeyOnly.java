package org.ssoplatform.resourceserver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.ssoplatform.contract.AuthType;

/** Accepts only a token exchanged for an API key; user and client tokens are answered 401. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequireAuthType({ AuthType.API_KEY })
public @interface ApiKeyOnly {
}
