package org.ssoplatform.portal.keys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.ApiKey;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.Usage;
import org.ssoplatform.portal.api.User;

/**
 * The signed-in person's API keys: the list with each key's use over the last 30 days, creating one (its secret
 * shown once, on the answer to the POST, never stored in the session), rotating, (de)activating, deleting.
 */
@Controller
class ApiKeysController {

    static final int USAGE_DAYS = 30;

    private static final ParameterizedTypeReference<List<ApiKey>> KEYS = new ParameterizedTypeReference<>() {
    };

    /** The API's field names, as the form calls them. */
    private static final Map<String, String> FIELDS = Map.of("name", "name", "description", "description",
            "expires_at", "expires", "role_ids", "roleIds", "permission_ids", "permissionIds");

    private final ManagementApi api;

    private final Clock clock = Clock.systemUTC();

    ApiKeysController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/keys")
    String keys(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new KeyForm());
        }
        List<ApiKey> keys = api.get(KEYS, "/api/v1/api-keys/");
        Map<Long, UsageChart> usage = new LinkedHashMap<>();
        for (ApiKey key : keys) {
            UsageChart chart = UsageChart.of(usage(key.id()));
            if (chart != null) {
                usage.put(key.id(), chart);
            }
        }
        model.addAttribute("keys", keys);
        model.addAttribute("usage", usage);
        model.addAttribute("now", clock.instant());
        return "keys";
    }

    /** A key's daily use; none where auth-server keeps no usage (an older auth-server answers 404). */
    private Usage usage(long keyId) {
        try {
            return api.get(Usage.class, "/api/v1/api-keys/{id}/usage?days={days}", keyId, USAGE_DAYS);
        }
        catch (ApiException ex) {
            if (ex.status() == 404 || ex.status() == 400) {
                return null;
            }
            throw ex;
        }
    }

    @PostMapping("/portal/keys")
    String create(@ModelAttribute("form") KeyForm form, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getName() == null ? "" : form.getName().trim());
        if (StringUtils.hasText(form.getDescription())) {
            body.put("description", form.getDescription().trim());
        }
        if (StringUtils.hasText(form.getExpires())) {
            try {
                // The end of the chosen day, in UTC: a key "expiring on the 5th" works all of the 5th.
                body.put("expires_at", LocalDate.parse(form.getExpires().trim()).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                    .toInstant().toString());
            }
            catch (DateTimeParseException ex) {
                errors.put("expires", "Enter a date as YYYY-MM-DD.");
            }
        }
        body.put("role_ids", form.getRoleIds());
        body.put("permission_ids", form.getPermissionIds());
        if (errors.isEmpty()) {
            try {
                ApiKey created = api.send(HttpMethod.POST, body, ApiKey.class, "/api/v1/api-keys/");
                model.addAttribute("created", created);
                model.addAttribute("form", new KeyForm());
                return keys(model);
            }
            catch (ApiException ex) {
                if (ex.status() == 401 || ex.status() >= 500) {
                    throw ex;
                }
                ex.fieldErrors().forEach((field, message) -> errors.put(FIELDS.getOrDefault(field, field), message));
                if (ex.fieldErrors().isEmpty()) {
                    model.addAttribute("formError", ex.getMessage());
                }
            }
        }
        model.addAttribute("errors", errors);
        response.setStatus(400);
        return keys(model);
    }

    @PostMapping("/portal/keys/{keyId}/rotate")
    String rotate(@PathVariable long keyId, Model model) {
        model.addAttribute("rotated", api.send(HttpMethod.POST, null, ApiKey.class, "/api/v1/api-keys/{id}/rotate", keyId));
        return keys(model);
    }

    @PostMapping("/portal/keys/{keyId}/deactivate")
    String deactivate(@PathVariable long keyId, RedirectAttributes redirect) {
        ApiKey key = api.send(HttpMethod.PATCH, null, ApiKey.class, "/api/v1/api-keys/{id}/deactivate", keyId);
        redirect.addFlashAttribute("notice", "Key \"" + key.name() + "\" is deactivated: it is refused from now on.");
        return "redirect:/portal/keys";
    }

    @PostMapping("/portal/keys/{keyId}/activate")
    String activate(@PathVariable long keyId, RedirectAttributes redirect) {
        ApiKey key = api.send(HttpMethod.PATCH, null, ApiKey.class, "/api/v1/api-keys/{id}/activate", keyId);
        redirect.addFlashAttribute("notice", "Key \"" + key.name() + "\" is active again.");
        return "redirect:/portal/keys";
    }

    /** Asks before deleting (works without script). */
    @GetMapping("/portal/keys/{keyId}/delete")
    String confirmDelete(@PathVariable long keyId, Model model) {
        model.addAttribute("key", api.get(ApiKey.class, "/api/v1/api-keys/{id}", keyId));
        return "key-delete";
    }

    @PostMapping("/portal/keys/{keyId}/delete")
    String delete(@PathVariable long keyId, RedirectAttributes redirect) {
        api.send(HttpMethod.DELETE, null, "/api/v1/api-keys/{id}", keyId);
        redirect.addFlashAttribute("notice", "The key was deleted.");
        return "redirect:/portal/keys";
    }
}
