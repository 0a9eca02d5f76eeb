package org.ssoplatform.portal.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

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
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.OAuthClient;
import org.ssoplatform.portal.api.User;

/**
 * The OAuth clients of the platform: the list, registering one (a confidential client's secret shown once, on the
 * answer to the POST, never kept in the session), rotating a secret with a chosen grace, deleting. Clients from
 * auth-server's configuration are listed but offer no changes.
 */
@Controller
class ClientsAdminController {

    private static final ParameterizedTypeReference<List<OAuthClient>> CLIENTS = new ParameterizedTypeReference<>() {
    };

    /** The API's field names, as the form calls them. */
    private static final Map<String, String> FIELDS = Map.of("client_id", "clientId", "name", "name", "type", "type",
            "grant_types", "grantTypes", "scopes", "scopes", "redirect_uris", "redirectUris",
            "post_logout_redirect_uris", "postLogoutRedirectUris", "require_consent", "requireConsent");

    /** The graces a person picks from when rotating: at once, an hour, a day (the platform's longest by default). */
    static final List<Long> GRACES = List.of(0L, 3600L, 86400L);

    private final ManagementApi api;

    ClientsAdminController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/admin/clients")
    String clients(@ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ClientForm());
        }
        model.addAttribute("clients", api.get(CLIENTS, "/api/v1/clients/"));
        model.addAttribute("graces", GRACES);
        return "admin/clients";
    }

    @PostMapping("/portal/admin/clients")
    String register(@ModelAttribute("form") ClientForm form, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response) {
        Admins.require(me);
        try {
            model.addAttribute("created", api.send(HttpMethod.POST, form.body(), OAuthClient.class, "/api/v1/clients/"));
            model.addAttribute("form", new ClientForm());
            return clients(me, model);
        }
        catch (ApiException ex) {
            if (ex.status() == 401 || ex.status() >= 500) {
                throw ex;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            // A refused element of a list is named like "redirect_uris[]": the page has one field for the list.
            ex.fieldErrors().forEach((field, message) -> errors.merge(
                    FIELDS.getOrDefault(field.replaceFirst("\\[.*$", ""), field), message, (a, b) -> a + "; " + b));
            if (ex.fieldErrors().isEmpty()) {
                model.addAttribute("formError", ex.getMessage());
            }
            model.addAttribute("errors", errors);
            response.setStatus(ex.status());
            return clients(me, model);
        }
    }

    @PostMapping("/portal/admin/clients/{clientId}/rotate")
    String rotate(@PathVariable String clientId, @RequestParam(defaultValue = "0") long graceSeconds,
            @ModelAttribute("me") User me, Model model, RedirectAttributes redirect) {
        Admins.require(me);
        try {
            model.addAttribute("rotated", api.send(HttpMethod.POST, Map.of("grace_seconds", graceSeconds),
                    OAuthClient.class, "/api/v1/clients/{id}/secret/rotate", clientId));
            return clients(me, model);
        }
        catch (ApiException ex) {
            if (ex.status() == 401 || ex.status() >= 500) {
                throw ex;
            }
            redirect.addFlashAttribute("rowError", Map.of(clientId, ex.getMessage()));
            return "redirect:/portal/admin/clients";
        }
    }

    /** Asks before deleting (works without script). */
    @GetMapping("/portal/admin/clients/{clientId}/delete")
    String confirmDelete(@PathVariable String clientId, @ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        model.addAttribute("client", api.get(OAuthClient.class, "/api/v1/clients/{id}", clientId));
        return "admin/client-delete";
    }

    @PostMapping("/portal/admin/clients/{clientId}/delete")
    String delete(@PathVariable String clientId, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Admins.require(me);
        OAuthClient client = api.get(OAuthClient.class, "/api/v1/clients/{id}", clientId);
        try {
            api.send(HttpMethod.DELETE, null, "/api/v1/clients/{id}", clientId);
            redirect.addFlashAttribute("notice", "Client \"" + client.clientId() + "\" deleted.");
            return "redirect:/portal/admin/clients";
        }
        catch (ApiException ex) {
            if (ex.status() == 401 || ex.status() >= 500) {
                throw ex;
            }
            model.addAttribute("client", client);
            model.addAttribute("deleteError", ex.getMessage());
            response.setStatus(ex.status());
            return "admin/client-delete";
        }
    }
}
