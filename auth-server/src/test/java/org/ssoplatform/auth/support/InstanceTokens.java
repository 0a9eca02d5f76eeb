package org.ssoplatform.auth.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.ssoplatform.auth.role.RoleRepository;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

/** Access tokens for a new user of an instance started by a test, signed with that instance's keys. */
public final class InstanceTokens {

    private InstanceTokens() {
    }

    /** A new user holding {@code role} (and its permissions, as named in the token), and their token. */
    public static String newUser(ApplicationContext instance, String role, List<String> permissions) {
        long roleId = instance.getBean(RoleRepository.class).findByName(role).orElseThrow().id();
        User user = instance.getBean(UserRepository.class)
            .save(User.newUser("u" + UUID.randomUUID().toString().substring(0, 12) + "@instance.test", "Test User", null)
                .withRole(roleId));
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(instance.getEnvironment().getProperty("platform.auth.issuer"))
            .audience(List.of("platform-api"))
            .subject(user.id().toString())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600))
            .id(UUID.randomUUID().toString())
            .claim("email", user.email())
            .claim("roles", List.of(role))
            .claim("permissions", permissions)
            .claim("auth_type", "JWT")
            .build();
        return instance.getBean(JwtEncoder.class)
            .encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").build(), claims))
            .getTokenValue();
    }

    public static String admin(ApplicationContext instance) {
        return newUser(instance, "admin", List.of("users:read", "users:write", "users:delete", "posts:read",
                "posts:write", "posts:delete", "analytics:read"));
    }

    public static String user(ApplicationContext instance) {
        return newUser(instance, "user", List.of("users:read", "posts:read", "posts:write"));
    }
}
