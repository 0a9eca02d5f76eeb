package org.ssoplatform.portal.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.User;

/**
 * Every page knows who is signed in, as auth-server knows them now ({@code /api/v1/users/me}): a role granted
 * a minute ago shows on the next page, and the administration link only to admins.
 */
@ControllerAdvice
class CurrentUser {

    private final ManagementApi api;

    CurrentUser(ManagementApi api) {
        this.api = api;
    }

    @ModelAttribute("me")
    User me() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            return null;
        }
        return api.get(User.class, "/api/v1/users/me");
    }
}
