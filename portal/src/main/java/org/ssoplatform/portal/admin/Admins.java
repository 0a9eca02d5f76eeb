package org.ssoplatform.portal.admin;

import org.ssoplatform.portal.api.User;
import org.ssoplatform.portal.web.Forbidden;

/** Administration pages are for admins: anyone else gets the 403 page before any API call is made. */
final class Admins {

    private Admins() {
    }

    static void require(User me) {
        if (me == null || !me.admin()) {
            throw new Forbidden();
        }
    }
}
