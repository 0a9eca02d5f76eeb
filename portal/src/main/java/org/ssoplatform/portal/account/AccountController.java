package org.ssoplatform.portal.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.Identity;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.User;
import org.ssoplatform.portal.config.PortalProperties;

/**
 * The signed-in person's account: profile, roles and permissions, linked sign-ins (linking another goes through
 * auth-server's own page, whose POST starts the provider sign-in), signing out everywhere, deleting the account.
 */
@Controller
class AccountController {

    private static final ParameterizedTypeReference<List<Identity>> IDENTITIES = new ParameterizedTypeReference<>() {
    };

    private final ManagementApi api;

    private final PortalProperties portal;

    private final SecurityContextLogoutHandler endSession = new SecurityContextLogoutHandler();

    AccountController(ManagementApi api, PortalProperties portal) {
        this.api = api;
        this.portal = portal;
    }

    @GetMapping("/portal/account")
    String account(Model model) {
        model.addAttribute("identities", api.get(IDENTITIES, "/api/v1/users/me/identities"));
        model.addAttribute("linkUrl", portal.issuerUrl("/account/link"));
        return "account";
    }

    @PostMapping("/portal/account/identities/{identityId}/unlink")
    String unlink(@PathVariable long identityId, RedirectAttributes redirect) {
        try {
            api.send(HttpMethod.DELETE, null, "/api/v1/users/me/identities/{id}", identityId);
            redirect.addFlashAttribute("notice", "The sign-in was unlinked.");
        }
        catch (ApiException ex) {
            if (ex.status() == 401) {
                throw ex;
            }
            redirect.addFlashAttribute("identityError", ex.getMessage());
        }
        return "redirect:/portal/account";
    }

    /** Ends every session of the user in every app (auth-server's, the portal's, refresh tokens), this one included. */
    @PostMapping("/portal/account/sign-out-everywhere")
    String signOutEverywhere(HttpServletRequest request, HttpServletResponse response, Authentication user) {
        api.send(HttpMethod.POST, null, "/api/v1/users/me/sessions/revoke");
        endSession.logout(request, response, user);
        return "redirect:/?signed-out-everywhere";
    }

    @PostMapping("/portal/account/delete")
    String delete(@RequestParam(required = false) String confirm, @ModelAttribute("me") User me,
            HttpServletRequest request, HttpServletResponse response, Authentication user, Model model) {
        if (confirm == null || !confirm.trim().equalsIgnoreCase(me.email())) {
            model.addAttribute("deleteError", "Type your e-mail address exactly to confirm.");
            model.addAttribute("confirm", confirm);
            response.setStatus(400);
            return account(model);
        }
        api.send(HttpMethod.DELETE, null, "/api/v1/users/me");
        endSession.logout(request, response, user);
        return "redirect:/?account-deleted";
    }
}
