package org.ssoplatform.portal.api;

/** The session's tokens are gone or refused (refresh token revoked, user deactivated): sign in again. */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
