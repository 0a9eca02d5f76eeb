package org.ssoplatform.auth.apikey;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.resourceserver.PlatformCaller;

/**
 * A key's requests per day. Unlike the rest of the key API a key's own token may read it too (a script
 * watching its usage), since reading changes nothing; someone else's key is 404 like a missing one.
 */
@RestController
@Tag(name = "API keys")
class ApiKeyUsageController {

    record Usage(String keyId, List<UsageHistory.Day> days) {
    }

    private final KeyLookup lookup;

    private final UsageHistory history;

    ApiKeyUsageController(KeyLookup lookup, UsageHistory history) {
        this.lookup = lookup;
        this.history = history;
    }

    @GetMapping("/api/v1/api-keys/{keyId}/usage")
    @Operation(summary = "Requests per UTC day for the last `days` days (yours; admins: any)",
            description = "One entry per day, oldest first, today last, days without requests as 0. Counts reach "
                    + "this within platform.api-keys.usage-flush-interval (30s) plus the gateway's own second. "
                    + "A user's JWT or a token of one of the owner's keys. days outside 1..90: 400.")
    Usage usage(@PathVariable long keyId,
            @Parameter(description = "1 to 90") @RequestParam(defaultValue = "30") int days, PlatformCaller caller) {
        if (days < 1 || days > UsageHistory.KEPT_DAYS) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_days",
                    "days must be between 1 and " + UsageHistory.KEPT_DAYS + ".");
        }
        ApiKey key = lookup.visible(Actor.of(caller), keyId);
        return new Usage(String.valueOf(key.id()), history.of(key.id(), days));
    }
}
