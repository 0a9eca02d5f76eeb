package org.ssoplatform.portal.admin;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.Role;
import org.ssoplatform.portal.api.User;
import org.ssoplatform.portal.api.UserPage;

/** Users: search by e-mail, page through, (de)activate, grant and remove roles. */
@Controller
class UsersAdminController {

    static final int PAGE_SIZE = 20;

    static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {
    };

    private final ManagementApi api;

    UsersAdminController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/admin/users")
    String users(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "0") int page,
            @ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        String query = email.trim();
        int from = Math.max(0, page);
        model.addAttribute("email", query);
        model.addAttribute("users", api.get(UserPage.class, "/api/v1/users/?page={page}&size={size}&email={email}",
                from, PAGE_SIZE, query));
        model.addAttribute("roles", api.get(ROLES, "/api/v1/roles/"));
        return "admin/users";
    }

    @PostMapping("/portal/admin/users/{userId}/activate")
    String activate(@PathVariable long userId, @ModelAttribute("me") User me, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        return setActive(userId, true, me, back, redirect);
    }

    @PostMapping("/portal/admin/users/{userId}/deactivate")
    String deactivate(@PathVariable long userId, @ModelAttribute("me") User me,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        return setActive(userId, false, me, back, redirect);
    }

    private String setActive(long userId, boolean active, User me, String back, RedirectAttributes redirect) {
        Admins.require(me);
        try {
            User user = api.send(HttpMethod.PATCH, Map.of("is_active", active), User.class, "/api/v1/users/{id}", userId);
            redirect.addFlashAttribute("notice", user.email() + (active ? " is active again." : " is deactivated."));
        }
        catch (ApiException ex) {
            refused(ex, userId, redirect);
        }
        return back(back);
    }

    @PostMapping("/portal/admin/users/{userId}/roles")
    String grant(@PathVariable long userId, @RequestParam(required = false) Long roleId,
            @ModelAttribute("me") User me, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        Admins.require(me);
        if (roleId == null) {
            redirect.addFlashAttribute("rowError", Map.of(userId, "Choose a role to grant."));
            return back(back);
        }
        try {
            User user = api.send(HttpMethod.POST, null, User.class, "/api/v1/users/{id}/roles/{role}", userId, roleId);
            redirect.addFlashAttribute("notice", "Role granted to " + user.email() + ".");
        }
        catch (ApiException ex) {
            refused(ex, userId, redirect);
        }
        return back(back);
    }

    @PostMapping("/portal/admin/users/{userId}/roles/{roleId}/remove")
    String remove(@PathVariable long userId, @PathVariable long roleId, @ModelAttribute("me") User me,
            @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        Admins.require(me);
        try {
            User user = api.send(HttpMethod.DELETE, null, User.class, "/api/v1/users/{id}/roles/{role}", userId, roleId);
            redirect.addFlashAttribute("notice", "Role removed from " + user.email() + ".");
        }
        catch (ApiException ex) {
            refused(ex, userId, redirect);
        }
        return back(back);
    }

    private static void refused(ApiException ex, long userId, RedirectAttributes redirect) {
        if (ex.status() == 401 || ex.status() >= 500) {
            throw ex;
        }
        redirect.addFlashAttribute("rowError", Map.of(userId, ex.getMessage()));
    }

    /** Back to the list as it was (search and page), never to another site. */
    private static String back(String query) {
        String safe = query.startsWith("?") ? query : "";
        return "redirect:" + UriComponentsBuilder.fromPath("/portal/admin/users").query(safe.isEmpty() ? null : safe.substring(1))
            .build().toUriString();
    }
}
