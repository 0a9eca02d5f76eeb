package org.ssoplatform.resourceserver;

import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** The checks every platform token passes, whichever decoder (servlet or reactive) reads it. */
public final class PlatformJwtValidators {

    private PlatformJwtValidators() {
    }

    /** Signature aside: not expired (within the clock skew), {@code exp} present, this issuer, this audience. */
    public static OAuth2TokenValidator<Jwt> of(PlatformResourceServerProperties properties) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        return JwtValidators.createDefaultWithValidators(List.of(timestamps,
                new JwtIssuerValidator(properties.issuerUri()), new JwtAudienceValidator(properties.audience())));
    }
}
