package org.ssoplatform.portal.session;

import jakarta.servlet.http.HttpSession;

/** When the session signed in, kept in it: "sign out everywhere" ends the sessions that signed in before. */
public final class SignInTime {

    static final String ATTRIBUTE = "platform.signed-in-at";

    private SignInTime() {
    }

    public static void record(HttpSession session, long epochMillis) {
        session.setAttribute(ATTRIBUTE, epochMillis);
    }

    /** A session with no recorded time counts as signed in at the epoch. */
    static long of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Long millis ? millis : 0L;
    }
}
