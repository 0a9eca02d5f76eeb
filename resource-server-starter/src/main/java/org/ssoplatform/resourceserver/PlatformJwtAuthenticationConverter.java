package org.ssoplatform.resourceserver;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a platform access token into authorities: {@code roles} → {@code ROLE_<name>}, {@code permissions} → as
 * named ({@code users:read}), {@code scope} → {@code SCOPE_<scope>}, and {@code auth_type} →
 * {@code AUTH_TYPE_<type>}. Public so that auth-server's own management API chain reads tokens the same way.
 */
public class PlatformJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** Prefixes the other claims produce; a permission spelled like one of them could forge a role or scope. */
    private static final List<String> RESERVED_PREFIXES = List.of("ROLE_", "SCOPE_", "AUTH_TYPE_");

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        PlatformCaller caller = PlatformCaller.from(jwt);
        List<GrantedAuthority> authorities = new ArrayList<>();
        caller.roles().stream().sorted().forEach(role -> authorities.add(authority("ROLE_" + role)));
        caller.permissions()
            .stream()
            .filter(PlatformJwtAuthenticationConverter::isPlainPermission)
            .sorted()
            .forEach(permission -> authorities.add(authority(permission)));
        caller.scopes().stream().sorted().forEach(scope -> authorities.add(authority("SCOPE_" + scope)));
        if (caller.authType() != null) {
            authorities.add(authority(caller.authType().authority()));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static boolean isPlainPermission(String permission) {
        return RESERVED_PREFIXES.stream().noneMatch(permission::startsWith);
    }

    private static GrantedAuthority authority(String name) {
        return new SimpleGrantedAuthority(name);
    }
}
