package org.ssoplatform.auth.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/** When a browser session's user signed in: the time of its latest authentication factor. */
public final class SignInTime {

    private SignInTime() {
    }

    /** {@link Instant#EPOCH} for an authentication without a timed factor: as old as can be. */
    public static Instant of(Authentication authentication) {
        return authentication.getAuthorities()
            .stream()
            .filter(FactorGrantedAuthority.class::isInstance)
            .map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(Instant.EPOCH);
    }
}
