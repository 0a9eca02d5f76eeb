package org.ssoplatform.contract;

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

    // Identity headers a caller could forge to pose as someone behind the gateway: the defaults of
    // platform.gateway.owned-headers, of which the gateway removes every inbound copy.

    public static final String USER_ID = "X-User-Id";

    public static final String USER_EMAIL = "X-User-Email";

    public static final String USER_ROLES = "X-User-Roles";

    public static final String USER_PERMISSIONS = "X-User-Permissions";

    public static final String AUTH_TYPE = "X-Auth-Type";

    public static final String API_KEY_ID = "X-Api-Key-Id";

    public static final String INTERNAL_AUTH = "X-Internal-Auth";

    public static final String GATEWAY_AUTH = "X-Gateway-Auth";

    private Headers() {
    }
}
