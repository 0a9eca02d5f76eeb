package org.ssoplatform.resourceserver.testing;

/** Callers of the seed's example services, with the grants of the seeded roles (DESIGN.md), as real signed tokens. */
public final class SeedCallers {

    public static final String[] ADMIN_PERMISSIONS = { "users:read", "users:write", "users:delete", "posts:read",
            "posts:write", "posts:delete", "analytics:read" };

    /** Ada signed in; role {@code user}. */
    public static final String USER_JWT = TestTokens.user("42").email("ada@example.com").roles("user")
        .permissions("users:read", "posts:read", "posts:write").issue();

    /** Grace signed in; role {@code admin}. */
    public static final String ADMIN_JWT = TestTokens.user("1").email("grace@example.com").roles("admin")
        .permissions(ADMIN_PERMISSIONS).issue();

    /** Ada's API key, granted {@code users:read} only. */
    public static final String READ_KEY = TestTokens.apiKey("42", "7").email("ada@example.com").roles()
        .permissions("users:read").issue();

    /** Grace's API key with role {@code admin}. */
    public static final String ADMIN_KEY = TestTokens.apiKey("1", "8").email("grace@example.com").roles("admin")
        .permissions(ADMIN_PERMISSIONS).issue();

    /** A machine client (client credentials): the examples accept no such token. */
    public static final String CLIENT = TestTokens.client("reporting").scope("reports").issue();

    private SeedCallers() {
    }

    public static String token(String name) {
        return switch (name) {
            case "USER_JWT" -> USER_JWT;
            case "ADMIN_JWT" -> ADMIN_JWT;
            case "READ_KEY" -> READ_KEY;
            case "ADMIN_KEY" -> ADMIN_KEY;
            case "CLIENT" -> CLIENT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
