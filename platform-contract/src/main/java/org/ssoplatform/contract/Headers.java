package org.ssoplatform.contract;

import java.util.List;

/** The HTTP headers the gateway owns: it reads, sets or strips them, and backends may rely on that. */
public final class Headers {

    /** A caller's API key; the gateway removes it before proxying, so no backend ever sees a key. */
    public static final String API_KEY = "X-API-Key";

    /** Kept from the caller or made by the gateway, passed on to backends and returned to the caller. */
    public static final String CORRELATION_ID = "X-Correlation-Id";

    /** The caller's bucket size, on every rate-limited answer (draft-ietf-httpapi-ratelimit-headers). */
    public static final String RATE_LIMIT_LIMIT = "RateLimit-Limit";

    /** Tokens left in the caller's bucket. */
    public static final String RATE_LIMIT_REMAINING = "RateLimit-Remaining";

    /** Seconds until the caller's bucket is full again. */
    public static final String RATE_LIMIT_RESET = "RateLimit-Reset";

    /**
     * Identity headers a caller could forge to pose as someone towards a backend that trusts its edge: the
     * default of {@code platform.gateway.owned-headers}, of which the gateway removes every inbound copy.
     */
    public static final List<String> IDENTITY = List.of("X-User-Id", "X-User-Email", "X-User-Roles",
            "X-User-Permissions", "X-Auth-Type", "X-Api-Key-Id", "X-Internal-Auth", "X-Gateway-Auth");

    private Headers() {
    }
}
