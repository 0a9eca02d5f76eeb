package org.ssoplatform.auth.federation;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A signed-in user's request to link the next provider account they sign in with, kept in their
 * session between {@code /account/link/{provider}} and the provider's callback.
 */
final class LinkIntent {

    private static final String ATTRIBUTE = LinkIntent.class.getName();

    private LinkIntent() {
    }

    static void remember(HttpSession session, long userId) {
        session.setAttribute(ATTRIBUTE, userId);
    }

    /** The user asking to link, consumed by this call; {@code null} for an ordinary sign-in. */
    static Long consume() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return null;
        }
        Object userId = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
        if (userId != null) {
            attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
        }
        return (Long) userId;
    }
}
