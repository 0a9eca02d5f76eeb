package org.ssoplatform.contract;

/**
 * The claims auth-server puts in every platform token beyond the registered ones ({@code sub}, {@code exp},
 * ...), which the gateway and the resource-server library read.
 */
public final class Claims {

    /** How the caller authenticated: an {@link AuthType} name. */
    public static final String AUTH_TYPE = "auth_type";

    /** The id of the API key a token was exchanged for (a string), only in {@link AuthType#API_KEY} tokens. */
    public static final String API_KEY_ID = "api_key_id";

    /** The caller's role names (an array; empty for client tokens). */
    public static final String ROLES = "roles";

    /** The caller's permission names (an array; empty for client tokens). */
    public static final String PERMISSIONS = "permissions";

    /** The user's e-mail address (user and API-key tokens). */
    public static final String EMAIL = "email";

    /** Whether the identity provider verified {@link #EMAIL} (user tokens). */
    public static final String EMAIL_VERIFIED = "email_verified";

    private Claims() {
    }
}
