package org.ssoplatform.portal.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.Permission;
import org.ssoplatform.portal.api.Role;
import org.ssoplatform.portal.api.User;

/** Roles and permissions: create either, edit a role's permissions, delete either (asking first about its holders). */
@Controller
class RolesAdminController {

    private static final ParameterizedTypeReference<List<Permission>> PERMISSIONS = new ParameterizedTypeReference<>() {
    };

    private final ManagementApi api;

    RolesAdminController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/admin/roles")
    String roles(@ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        model.addAttribute("roles", api.get(UsersAdminController.ROLES, "/api/v1/roles/"));
        model.addAttribute("permissions", api.get(PERMISSIONS, "/api/v1/roles/permissions/"));
        return "admin/roles";
    }

    @PostMapping("/portal/admin/roles")
    String createRole(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) List<Long> permissionIds, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Admins.require(me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        if (StringUtils.hasText(description)) {
            body.put("description", description.trim());
        }
        body.put("permission_ids", permissionIds == null ? List.of() : permissionIds);
        try {
            Role role = api.send(HttpMethod.POST, body, Role.class, "/api/v1/roles/");
            redirect.addFlashAttribute("notice", "Role \"" + role.name() + "\" created.");
            return "redirect:/portal/admin/roles";
        }
        catch (ApiException ex) {
            return formError(ex, "role", Map.of("name", name, "description", description), model, me, response);
        }
    }

    @PostMapping("/portal/admin/permissions")
    String createPermission(@RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Admins.require(me);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.trim());
        if (StringUtils.hasText(description)) {
            body.put("description", description.trim());
        }
        try {
            Permission permission = api.send(HttpMethod.POST, body, Permission.class, "/api/v1/roles/permissions/");
            redirect.addFlashAttribute("notice", "Permission \"" + permission.name() + "\" created.");
            return "redirect:/portal/admin/roles";
        }
        catch (ApiException ex) {
            return formError(ex, "permission", Map.of("name", name, "description", description), model, me, response);
        }
    }

    /** Adds and removes what differs between the role's permissions and the ticked boxes. */
    @PostMapping("/portal/admin/roles/{roleId}/permissions")
    String editPermissions(@PathVariable long roleId, @RequestParam(required = false) List<Long> permissionIds,
            @ModelAttribute("me") User me, RedirectAttributes redirect) {
        Admins.require(me);
        Role role = api.get(Role.class, "/api/v1/roles/{id}", roleId);
        Set<Long> wanted = new HashSet<>(permissionIds == null ? List.of() : permissionIds);
        Set<Long> held = new HashSet<>();
        role.permissions().forEach(permission -> held.add(permission.id()));
        try {
            for (Long id : wanted) {
                if (!held.contains(id)) {
                    api.send(HttpMethod.POST, null, "/api/v1/roles/{role}/permissions/{permission}", roleId, id);
                }
            }
            for (Long id : new ArrayList<>(held)) {
                if (!wanted.contains(id)) {
                    api.send(HttpMethod.DELETE, null, "/api/v1/roles/{role}/permissions/{permission}", roleId, id);
                }
            }
            redirect.addFlashAttribute("notice", "Permissions of \"" + role.name() + "\" saved.");
        }
        catch (ApiException ex) {
            if (ex.status() == 401 || ex.status() >= 500) {
                throw ex;
            }
            redirect.addFlashAttribute("rowError", Map.of(roleId, ex.getMessage()));
        }
        return "redirect:/portal/admin/roles";
    }

    @GetMapping("/portal/admin/roles/{roleId}/delete")
    String confirmDelete(@PathVariable long roleId, @ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        return confirm(model, CatalogDeletion.of(api.get(Role.class, "/api/v1/roles/{id}", roleId)));
    }

    @PostMapping("/portal/admin/roles/{roleId}/delete")
    String delete(@PathVariable long roleId, @RequestParam(defaultValue = "false") boolean cascade,
            @ModelAttribute("me") User me, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Admins.require(me);
        CatalogDeletion deletion = CatalogDeletion.of(api.get(Role.class, "/api/v1/roles/{id}", roleId));
        return deleteOrAsk(deletion, "/api/v1/roles/{id}?cascade={cascade}", roleId, cascade, model, response, redirect);
    }

    @GetMapping("/portal/admin/permissions/{permissionId}/delete")
    String confirmDeletePermission(@PathVariable long permissionId, @ModelAttribute("me") User me, Model model) {
        Admins.require(me);
        return confirm(model, CatalogDeletion.of(permission(permissionId)));
    }

    @PostMapping("/portal/admin/permissions/{permissionId}/delete")
    String deletePermission(@PathVariable long permissionId, @RequestParam(defaultValue = "false") boolean cascade,
            @ModelAttribute("me") User me, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Admins.require(me);
        CatalogDeletion deletion = CatalogDeletion.of(permission(permissionId));
        return deleteOrAsk(deletion, "/api/v1/roles/permissions/{id}?cascade={cascade}", permissionId, cascade, model,
                response, redirect);
    }

    /**
     * Deletes the role or permission; while anyone holds it auth-server refuses (409) unless the person ticked "remove
     * it from them too", which the confirmation page then asks for.
     */
    private String deleteOrAsk(CatalogDeletion deletion, String apiPath, long id, boolean cascade, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            api.send(HttpMethod.DELETE, null, apiPath, id, cascade);
            redirect.addFlashAttribute("notice", deletion.title() + " \"" + deletion.name() + "\" deleted.");
            return "redirect:/portal/admin/roles";
        }
        catch (ApiException ex) {
            if (ex.status() == 401 || ex.status() >= 500) {
                throw ex;
            }
            model.addAttribute("deleteError", ex.status() == 409 ? stillHeld(ex) : ex.getMessage());
            model.addAttribute("held", ex.status() == 409);
            response.setStatus(ex.status());
            return confirm(model, deletion);
        }
    }

    private static String confirm(Model model, CatalogDeletion deletion) {
        model.addAttribute("deletion", deletion);
        return "admin/catalog-delete";
    }

    /** The API lists permissions but has no single-permission read, so the list is searched. */
    private Permission permission(long permissionId) {
        return api.get(PERMISSIONS, "/api/v1/roles/permissions/")
            .stream()
            .filter(permission -> permission.id() == permissionId)
            .findFirst()
            .orElseThrow(() -> new ApiException(404, "not_found", "No permission with id " + permissionId + ".",
                    Map.of()));
    }

    /** The API's refusal without its advice to API callers, and what to do on this page instead. */
    private static String stillHeld(ApiException ex) {
        return ex.getMessage().replaceFirst(";\\s*delete with \\?cascade=true.*$", ".")
                + " Tick \u201cAlso remove it\u201d below to delete it anyway.";
    }

    private String formError(ApiException ex, String form, Map<String, String> values, Model model, User me,
            HttpServletResponse response) {
        if (ex.status() == 401 || ex.status() >= 500) {
            throw ex;
        }
        Map<String, String> errors = new LinkedHashMap<>(ex.fieldErrors());
        if (errors.isEmpty()) {
            errors.put("name", ex.getMessage());
        }
        model.addAttribute(form + "Errors", errors);
        model.addAttribute(form + "Values", values);
        response.setStatus(ex.status());
        return roles(me, model);
    }
}
