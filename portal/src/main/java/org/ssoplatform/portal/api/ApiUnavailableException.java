package org.ssoplatform.portal.api;

/** auth-server did not answer in time, or not at all. */
public class ApiUnavailableException extends RuntimeException {

    public ApiUnavailableException(Throwable cause) {
        super("auth-server is unreachable", cause);
    }
}
