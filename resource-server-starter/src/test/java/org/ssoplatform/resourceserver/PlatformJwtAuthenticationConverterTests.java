package org.ssoplatform.resourceserver;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformJwtAuthenticationConverterTests {

    private final PlatformJwtAuthenticationConverter converter = new PlatformJwtAuthenticationConverter();

    @Test
    void mapsRolesPermissionsScopesAndAuthTypeToAuthorities() {
        AbstractAuthenticationToken authentication = converter.convert(jwt()
            .claim("roles", List.of("admin", "user"))
            .claim("permissions", List.of("users:read", "posts:write"))
            .claim("scope", "openid profile")
            .claim("auth_type", "JWT")
            .build());
        assertThat(authentication.getName()).isEqualTo("42");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactlyInAnyOrder("ROLE_admin", "ROLE_user", "users:read", "posts:write", "SCOPE_openid",
                    "SCOPE_profile", "AUTH_TYPE_JWT");
    }

    @Test
    void takesScopesWrittenAsAList() {
        assertThat(converter.convert(jwt().claim("scope", List.of("read", "write")).build()).getAuthorities())
            .extracting(GrantedAuthority::getAuthority)
            .containsExactlyInAnyOrder("SCOPE_read", "SCOPE_write");
    }

    @Test
    void ignoresPermissionsSpelledLikeAnotherKindOfAuthority() {
        assertThat(converter.convert(jwt().claim("permissions", List.of("ROLE_admin", "SCOPE_x", "AUTH_TYPE_JWT",
                "users:read")).build()).getAuthorities())
            .extracting(GrantedAuthority::getAuthority)
            .containsExactly("users:read");
    }

    @Test
    void aTokenWithoutPlatformClaimsHasNoAuthorities() {
        assertThat(converter.convert(jwt().claim("auth_type", "UNKNOWN").build()).getAuthorities()).isEmpty();
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("42")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    }
}
