package org.ssoplatform.contract;

/**
 * The platform's own claims in every token auth-server issues, which the gateway and the resource-server
 * library read (docs/contracts.md); standard ones such as {@code email} keep their OpenID Connect names.
 */
public final class Claims {

    /** How the caller authenticated: an {@link AuthType} name. */
    public static final String AUTH_TYPE = "auth_type";

    /** The id (a string) of the API key an {@link AuthType#API_KEY} token was exchanged for. */
    public static final String API_KEY_ID = "api_key_id";

    /**
     * The key's own rate limit, an object with {@link #RATE_LIMIT_CAPACITY} and
     * {@link #RATE_LIMIT_REPLENISH_PER_SECOND}; only in an {@link AuthType#API_KEY} token whose key has one
     * (otherwise the gateway's configured limit applies).
     */
    public static final String RATE_LIMIT = "rate_limit";

    /** In {@link #RATE_LIMIT}: the burst, a positive integer. */
    public static final String RATE_LIMIT_CAPACITY = "capacity";

    /** In {@link #RATE_LIMIT}: the sustained rate, a positive number of requests per second. */
    public static final String RATE_LIMIT_REPLENISH_PER_SECOND = "replenish_per_second";

    /** The caller's role names, an array (empty for client tokens). */
    public static final String ROLES = "roles";

    /** The caller's permission names, an array (empty for client tokens). */
    public static final String PERMISSIONS = "permissions";

    private Claims() {
    }
}
