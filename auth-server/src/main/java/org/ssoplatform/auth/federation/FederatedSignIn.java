package org.ssoplatform.auth.federation;

import java.time.Clock;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Ends every provider sign-in, browser or JSON: after Spring Security's provider has exchanged the code
 * and read the user, decides which of our users it is ({@link UserProvisioner}). The only link it honours
 * is the one carried by the authorization request this very callback completes ({@link LinkIntent}),
 * still fresh and made by the user still signed in; nothing is read from a session.
 */
final class FederatedSignIn {

    /** Which way a sign-in came: shown in the audit trail. */
    public enum Flow {
        BROWSER, API;

        String auditName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final UserProvisioner provisioner;

    private final Clock clock;

    FederatedSignIn(UserProvisioner provisioner, Clock clock) {
        this.provisioner = provisioner;
        this.clock = clock;
    }

    /**
     * Wraps one of Spring Security's login providers ({@code OAuth2LoginAuthenticationProvider},
     * {@code OidcAuthorizationCodeAuthenticationProvider}); any other provider is returned as it is.
     */
    public AuthenticationProvider wrap(AuthenticationProvider provider, Flow flow) {
        if (!provider.supports(OAuth2LoginAuthenticationToken.class)) {
            return provider;
        }
        return new Completing(provider, provider instanceof OidcAuthorizationCodeAuthenticationProvider, flow);
    }

    private final class Completing implements AuthenticationProvider {

        private final AuthenticationProvider codeExchange;

        private final boolean oidc;

        private final Flow flow;

        Completing(AuthenticationProvider codeExchange, boolean oidc, Flow flow) {
            this.codeExchange = codeExchange;
            this.oidc = oidc;
            this.flow = flow;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            OAuth2LoginAuthenticationToken login = (OAuth2LoginAuthenticationToken) authentication;
            OAuth2AuthorizationRequest request = login.getAuthorizationExchange().getAuthorizationRequest();
            if (request.getScopes().contains(OidcScopes.OPENID) != oidc) {
                return null; // the other of the two providers takes it
            }
            Long linkTo = LinkIntent.of(request).map(this::honoured).orElse(null);
            OAuth2LoginAuthenticationToken exchanged = (OAuth2LoginAuthenticationToken) codeExchange.authenticate(login);
            if (exchanged == null) {
                return null;
            }
            ProviderUser providerUser = (ProviderUser) exchanged.getPrincipal();
            long userId = provisioner.provision(providerUser.identity(), linkTo, flow);
            OAuth2User principal = providerUser instanceof OidcUser oidcUser ? PlatformPrincipals.oidc(userId, oidcUser)
                    : PlatformPrincipals.oauth2(userId, providerUser);
            OAuth2LoginAuthenticationToken result = new OAuth2LoginAuthenticationToken(
                    exchanged.getClientRegistration(), exchanged.getAuthorizationExchange(), principal,
                    principal.getAuthorities(), exchanged.getAccessToken(), exchanged.getRefreshToken());
            result.setDetails(exchanged.getDetails());
            return result;
        }

        /**
         * The user a link intent may link to: only within its lifetime, for the provider it names, and
         * while the user who made it is the one signed in (a sign-out or another sign-in ends it).
         */
        private long honoured(LinkIntent intent) {
            if (flow != Flow.BROWSER) {
                throw new FederationException("link_not_allowed", "Accounts are linked only in the browser.");
            }
            if (intent.expiredAt(clock.instant())) {
                throw new FederationException("link_expired",
                        "The link request expired before the provider answered: start linking again.");
            }
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current == null || !current.isAuthenticated() || !Long.toString(intent.userId()).equals(current.getName())) {
                throw new FederationException("link_session_changed",
                        "You are no longer signed in as the user who asked for this link: sign in and start again.");
            }
            return intent.userId();
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return OAuth2LoginAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
