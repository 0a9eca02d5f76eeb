package org.ssoplatform.portal.admin;

import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.User;

/** The keys that sign every token: rotating them now. */
@Controller
class SigningKeysAdminController {

    private final ManagementApi api;

    SigningKeysAdminController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/admin/signing-keys")
    String page(@ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        return "admin/signing-keys";
    }

    @PostMapping("/portal/admin/signing-keys/rotate")
    String rotate(@ModelAttribute("me") User me, RedirectAttributes redirect) {
        Admins.require(me);
        Map<?, ?> result = api.send(HttpMethod.POST, null, Map.class, "/api/v1/signing-keys/rotate");
        redirect.addFlashAttribute("notice", "Signing key rotated (" + result.get("result") + "). Published keys: "
                + result.get("published_kids") + ".");
        return "redirect:/portal/admin/signing-keys";
    }
}
