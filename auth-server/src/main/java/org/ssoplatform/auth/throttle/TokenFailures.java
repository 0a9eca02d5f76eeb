package org.ssoplatform.auth.throttle;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which answers of the token endpoint count as failures for {@link AnonymousThrottleFilter}: every 400 and 401
 * but those marked here, such as a device's "authorization_pending" while its person has yet to approve, which
 * a well-behaved CLI receives every few seconds for minutes.
 */
public final class TokenFailures {

    private static final String NOT_COUNTED = TokenFailures.class.getName() + ".NOT_COUNTED";

    private TokenFailures() {
    }

    /** Marks this request's error answer as no failure. */
    public static void notCounted(HttpServletRequest request) {
        request.setAttribute(NOT_COUNTED, Boolean.TRUE);
    }

    static boolean counted(HttpServletRequest request) {
        return request.getAttribute(NOT_COUNTED) == null;
    }
}
