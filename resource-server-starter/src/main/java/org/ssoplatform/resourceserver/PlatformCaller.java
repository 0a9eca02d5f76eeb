package org.ssoplatform.resourceserver;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.contract.Claims;

/**
 * Who is calling, read only from the validated access token (never from request headers).
 * Declare it as a controller method parameter (Spring MVC or WebFlux), or call {@link #current()} in a servlet
 * service ({@code ReactivePlatformCaller.current()} in a reactive one).
 *
 * @param userId the {@code sub} claim: the user's id, or for {@link AuthType#CLIENT} the client id
 * @param authType how the caller authenticated; {@code null} when the token carries no known {@code auth_type}
 * @param email the user's e-mail, when the token has one
 * @param apiKeyId the API key's id, only for {@link AuthType#API_KEY}
 * @param roles role names without prefix, e.g. {@code admin}
 * @param permissions {@code resource:action} names
 * @param scopes OAuth scopes
 */
public record PlatformCaller(String userId, AuthType authType, String email, String apiKeyId, Set<String> roles,
        Set<String> permissions, Set<String> scopes) {

    /** The caller of the current request; a missing or non-JWT authentication answers 401 through the entry point. */
    public static PlatformCaller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return from(token.getToken());
        }
        throw new AuthenticationCredentialsNotFoundException("No platform access token in this request");
    }

    public static PlatformCaller from(Jwt jwt) {
        return new PlatformCaller(jwt.getSubject(), AuthType.fromClaim(jwt.getClaim(Claims.AUTH_TYPE)).orElse(null),
                jwt.getClaimAsString(StandardClaimNames.EMAIL), jwt.getClaimAsString(Claims.API_KEY_ID), names(jwt, Claims.ROLES),
                names(jwt, Claims.PERMISSIONS), scopes(jwt));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasPermission(String permission) {
        return permissions.contains(permission);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> names(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        List<String> values = value == null ? null : value instanceof List<?> list && allStrings(list)
                // What the conversion below returns for a list of strings, without its per-element conversions.
                ? (List<String>) list : jwt.getClaimAsStringList(claim);
        // In the token's order, so that what a service echoes back is stable.
        return values == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static boolean allStrings(List<?> values) {
        for (Object value : values) {
            if (!(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9068 puts scopes in one space-separated string; Spring Authorization Server writes a list. Take both. */
    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaim("scope");
        if (scope instanceof String value) {
            Set<String> scopes = Arrays.stream(value.split(" "))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
            return Collections.unmodifiableSet(scopes);
        }
        return scope instanceof Collection<?> ? names(jwt, "scope") : Set.of();
    }
}
