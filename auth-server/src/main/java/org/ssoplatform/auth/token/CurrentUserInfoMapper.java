package org.ssoplatform.auth.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * OIDC UserInfo from the user's current row rather than from the ID token stored at sign-in (the
 * default), so a renamed user or a new avatar shows at once. Claims follow the access token's scopes,
 * as in the ID token.
 */
public final class CurrentUserInfoMapper implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

    private final StandardClaims standardClaims;

    public CurrentUserInfoMapper(StandardClaims standardClaims) {
        this.standardClaims = standardClaims;
    }

    @Override
    public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
        // The authorization's principal is our user id, the ID token's subject.
        String subject = context.getAuthorization().getPrincipalName();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(StandardClaimNames.SUB, subject);
        // A deactivated or deleted user's token no longer describes anyone: answered as an invalid token (401).
        claims.putAll(standardClaims.of(userId(subject), context.getAccessToken().getScopes())
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN)));
        return new OidcUserInfo(claims);
    }

    private static long userId(String subject) {
        try {
            return Long.parseLong(subject);
        }
        catch (NumberFormatException ex) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN);
        }
    }
}
