package org.ssoplatform.auth.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a call that changes who may do what (roles, permissions, accounts, OAuth clients, signing keys): it takes
 * a person's own token, and a token exchanged for an API key gets 403 {@code user_token_required} whatever the key
 * holds, so a leaked automation key cannot hand out rights.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UserTokenRequired {

    /** The problem's {@code code}. */
    String CODE = "user_token_required";
}
