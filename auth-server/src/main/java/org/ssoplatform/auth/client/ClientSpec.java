package org.ssoplatform.auth.client;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** What an administrator decides about a client, apart from its id and secret. */
record ClientSpec(String name, boolean confidential, Set<String> grantTypes, Set<String> scopes,
        Set<String> redirectUris, Set<String> postLogoutRedirectUris, Duration accessTokenTtl,
        Duration refreshTokenTtl, boolean requireConsent) {

    static ClientSpec of(RegisteredClient client) {
        return new ClientSpec(client.getClientName(),
                !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
                client.getAuthorizationGrantTypes().stream().map(AuthorizationGrantType::getValue)
                    .collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(client.getScopes()), new TreeSet<>(client.getRedirectUris()),
                new TreeSet<>(client.getPostLogoutRedirectUris()), client.getTokenSettings().getAccessTokenTimeToLive(),
                client.getTokenSettings().getRefreshTokenTimeToLive(),
                client.getClientSettings().isRequireAuthorizationConsent());
    }

    ClientSpec with(ClientPatch patch) {
        return new ClientSpec(patch.name() != null ? patch.name().strip() : name, confidential,
                patch.grantTypes() != null ? patch.grantTypes() : grantTypes,
                patch.scopes() != null ? patch.scopes() : scopes,
                patch.redirectUris() != null ? patch.redirectUris() : redirectUris,
                patch.postLogoutRedirectUris() != null ? patch.postLogoutRedirectUris() : postLogoutRedirectUris,
                patch.accessTokenTtlSeconds() != null ? Duration.ofSeconds(patch.accessTokenTtlSeconds())
                        : accessTokenTtl,
                patch.refreshTokenTtlSeconds() != null ? Duration.ofSeconds(patch.refreshTokenTtlSeconds())
                        : refreshTokenTtl,
                patch.requireConsent() != null ? patch.requireConsent() : requireConsent);
    }

    /**
     * The client as the authorization server keeps it, with the settings bootstrapped clients get: PKCE for the
     * authorization code, self-contained RS256 tokens, refresh tokens rotated on every use.
     *
     * @param base the client's id, secret and other settings (a secret rotated out) to keep
     */
    RegisteredClient applyTo(RegisteredClient.Builder base, ClientSettings.Builder settings) {
        base.clientName(name)
            .clientAuthenticationMethods(methods -> {
                methods.clear();
                if (confidential) {
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                }
                else {
                    methods.add(ClientAuthenticationMethod.NONE);
                }
            })
            .authorizationGrantTypes(grants -> {
                grants.clear();
                grantTypes.forEach(grant -> grants.add(new AuthorizationGrantType(grant)));
            })
            .scopes(values -> {
                values.clear();
                values.addAll(scopes);
            })
            .redirectUris(values -> {
                values.clear();
                values.addAll(redirectUris);
            })
            .postLogoutRedirectUris(values -> {
                values.clear();
                values.addAll(postLogoutRedirectUris);
            });
        return base
            .clientSettings(settings.requireProofKey(grantTypes.contains(ClientRules.AUTHORIZATION_CODE))
                .requireAuthorizationConsent(requireConsent)
                .build())
            .tokenSettings(TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(accessTokenTtl)
                .refreshTokenTimeToLive(refreshTokenTtl)
                .reuseRefreshTokens(false)
                .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                .build())
            .build();
    }
}
