package org.ssoplatform.portal.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.AuditPage;
import org.ssoplatform.portal.api.ManagementApi;
import org.ssoplatform.portal.api.User;

/** The audit log, newest first, filtered by actor, action, target and time (UTC), a page at a time. */
@Controller
class AuditAdminController {

    static final int PAGE_SIZE = 25;

    private final ManagementApi api;

    AuditAdminController(ManagementApi api) {
        this.api = api;
    }

    @GetMapping("/portal/admin/audit")
    String audit(@RequestParam Map<String, String> query, @ModelAttribute("me") User me, Model model,
            HttpServletResponse response) {
        Admins.require(me);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : new String[] { "actor", "action", "target_type", "target_id", "from", "to" }) {
            String value = query.getOrDefault(name, "").trim();
            filters.put(name, value);
        }
        int page = parsePage(query.get("page"));
        Map<String, String> errors = new LinkedHashMap<>();
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/audit/")
            .queryParam("page", page)
            .queryParam("size", PAGE_SIZE);
        filters.forEach((name, value) -> {
            if (!StringUtils.hasText(value)) {
                return;
            }
            switch (name) {
                case "actor" -> {
                    if (value.matches("\\d{1,18}")) {
                        uri.queryParam(name, value);
                    }
                    else {
                        errors.put(name, "Enter the acting user's id (a number).");
                    }
                }
                case "from", "to" -> {
                    try {
                        uri.queryParam(name, LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString());
                    }
                    catch (DateTimeParseException ex) {
                        errors.put(name, "Enter a date and time.");
                    }
                }
                default -> uri.queryParam(name, value);
            }
        });
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            try {
                model.addAttribute("entries", api.get(AuditPage.class, uri.encode().build().toUriString()));
            }
            catch (ApiException ex) {
                if (ex.status() != 400) {
                    throw ex;
                }
                ex.fieldErrors().forEach(errors::put);
                if (ex.fieldErrors().isEmpty()) {
                    model.addAttribute("formError", ex.getMessage());
                }
                response.setStatus(400);
            }
        }
        else {
            response.setStatus(400);
        }
        return "admin/audit";
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}
