package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/** The owner of an API key, as the subject of a token exchanged for that key. */
public class ApiKeyPrincipal extends AbstractAuthenticationToken {

    private final long apiKeyId;

    private final long userId;

    private final String email;

    private final List<String> roles;

    private final List<String> permissions;

    private final Instant validUntil;

    private final KeyRateLimit rateLimit;

    /**
     * @param validUntil when the key (or, for a rotated-out secret, its grace period) ends; {@code null}
     * for a key that does not expire
     * @param rateLimit the key's own rate limit, or {@code null} for the gateways' configured one
     */
    public ApiKeyPrincipal(long apiKeyId, long userId, String email, List<String> roles, List<String> permissions,
            Instant validUntil, KeyRateLimit rateLimit) {
        super(AuthorityUtils.NO_AUTHORITIES);
        this.apiKeyId = apiKeyId;
        this.userId = userId;
        this.email = email;
        this.roles = roles;
        this.permissions = permissions;
        this.validUntil = validUntil;
        this.rateLimit = rateLimit;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return Long.toString(userId);
    }

    @Override
    public String getName() {
        return Long.toString(userId);
    }

    public long apiKeyId() {
        return apiKeyId;
    }

    public long userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public List<String> roles() {
        return roles;
    }

    public List<String> permissions() {
        return permissions;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public KeyRateLimit rateLimit() {
        return rateLimit;
    }
}
