package org.ssoplatform.resourceserver;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.ssoplatform.contract.AuthType;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformCallerTests {

    @Test
    void readsAnApiKeyCallerFromItsToken() {
        PlatformCaller caller = PlatformCaller.from(jwt().subject("42")
            .claim("auth_type", "API_KEY")
            .claim("api_key_id", "9")
            .claim("email", "ada@example.com")
            .claim("roles", List.of("viewer"))
            .claim("permissions", List.of("users:read", "posts:read"))
            .build());
        assertThat(caller).isEqualTo(new PlatformCaller("42", AuthType.API_KEY, "ada@example.com", "9",
                Set.of("viewer"), Set.of("users:read", "posts:read"), Set.of()));
        assertThat(caller.hasRole("viewer")).isTrue();
        assertThat(caller.hasRole("admin")).isFalse();
        assertThat(caller.hasPermission("users:read")).isTrue();
        assertThat(caller.hasPermission("users:write")).isFalse();
    }

    @Test
    void aClientTokenHasNoUserClaims() {
        PlatformCaller caller = PlatformCaller.from(jwt().subject("reporting").claim("auth_type", "CLIENT")
            .claim("scope", "reports  audit").build());
        assertThat(caller.authType()).isEqualTo(AuthType.CLIENT);
        assertThat(caller.email()).isNull();
        assertThat(caller.apiKeyId()).isNull();
        assertThat(caller.roles()).isEmpty();
        assertThat(caller.scopes()).containsExactly("reports", "audit");
    }

    @Test
    void readsNamesThatAreNotAllStringsAsSpringsClaimConversionDoes() {
        Jwt token = jwt().subject("42").claim("roles", List.of("viewer", 7)).build();
        PlatformCaller caller = PlatformCaller.from(token);
        assertThat(caller.roles()).containsExactlyElementsOf(token.getClaimAsStringList("roles"))
            .containsExactly("viewer", "7");
    }

    private static Jwt.Builder jwt() {
        return Jwt.withTokenValue("token").header("alg", "RS256").issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    }
}
