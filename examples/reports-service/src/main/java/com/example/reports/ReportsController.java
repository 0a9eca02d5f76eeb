package com.example.reports;

import java.util.List;

import org.ssoplatform.resourceserver.JwtOnly;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.PlatformCaller;
import org.ssoplatform.resourceserver.RequirePermission;
import org.ssoplatform.resourceserver.RequireRole;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The README's walkthrough, as code: who may read reports, who may delete them. */
@RestController
class ReportsController {

    record Report(long id, String title, String preparedFor) {
    }

    /** Users or their API keys holding {@code analytics:read} (the seeded {@code admin} role has it). */
    @JwtOrApiKey
    @RequirePermission("analytics:read")
    @GetMapping("/reports")
    List<Report> reports(PlatformCaller caller) {
        return List.of(new Report(1, "Sign-ins this week", caller.email()),
                new Report(2, "API keys by last use", caller.email()));
    }

    /** Administrators only, and only with their own token (not an API key). */
    @JwtOnly
    @RequireRole("admin")
    @DeleteMapping("/reports/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        // an example: nothing is stored
    }
}
