package org.ssoplatform.auth.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.resourceserver.JwtOrApiKey;
import org.ssoplatform.resourceserver.RequireRole;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed users, roles, permissions and API keys, and when; and the "
        + "security events: sign-ins, links, sign-outs, refresh-token reuse, deletions.")
@JwtOrApiKey
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping({ "", "/" })
    @RequireRole(Actor.ADMIN_ROLE)
    @Operation(summary = "Read the audit trail (admin only)",
            description = "Newest first, paginated. Filter by target_type (user, role, permission, api_key, "
                    + "provider), target_id, action (e.g. auth.sign_in_failed, identity.linked), actor (the acting "
                    + "user's id) and time: from (inclusive) and to (exclusive), ISO-8601 instants.")
    AuditPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(name = "target_type", required = false) @Size(max = 32) String targetType,
            @RequestParam(name = "target_id", required = false) @Size(max = 64) String targetId,
            @RequestParam(required = false) @Size(max = 64) String action,
            @RequestParam(required = false) @Min(1) Long actor,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return log.page(page, size, new AuditLog.Filter(targetType, targetId, action, actor, from, to));
    }
}
