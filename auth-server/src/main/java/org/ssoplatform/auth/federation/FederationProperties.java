package org.ssoplatform.auth.federation;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How auth-server treats its identity providers ({@code platform.auth.*}).
 *
 * @param providers per registration id: {@code platform.auth.providers.<id>.trust-email-verified}
 * @param linkIntentTtl how long a started link waits for its provider's callback (at most 10 minutes)
 * @param linkMaxSignInAge how recent the sign-in of a user starting a link must be; older, they sign in again
 * @param providerRetryInterval how often a provider whose discovery document could not be fetched is tried again
 * @param providerDiscoveryTimeout bound of each fetch of a discovery document (at start-up and when retrying, never
 *        on a request's path)
 * @param portalUrl where a browser asking for {@code /account} is sent: the portal's account page
 */
@ConfigurationProperties("platform.auth")
public record FederationProperties(@DefaultValue Map<String, Provider> providers,
        @DefaultValue("10m") Duration linkIntentTtl, @DefaultValue("5m") Duration linkMaxSignInAge,
        @DefaultValue("5s") Duration providerRetryInterval, @DefaultValue("5s") Duration providerDiscoveryTimeout,
        @DefaultValue("http://localhost:8080/portal/account") URI portalUrl) {

    static final Duration MAX_LINK_INTENT_TTL = Duration.ofMinutes(10);

    public FederationProperties {
        if (linkIntentTtl.isNegative() || linkIntentTtl.isZero() || linkIntentTtl.compareTo(MAX_LINK_INTENT_TTL) > 0) {
            throw new IllegalArgumentException("platform.auth.link-intent-ttl must be positive and at most 10m");
        }
    }

    /**
     * @param trustEmailVerified whether the provider's word that an e-mail is verified is taken; unset:
     * yes for Google and GitHub, no for any other provider
     * @param displayName the name on the sign-in button ("Continue with ..."); unset: Google, GitHub, the
     * registration's {@code client-name}, or its id
     * @param mark the button's icon under {@code /ui/marks/}: {@code google}, {@code github}, {@code local} or
     * {@code oidc}; unset: from the provider's address
     */
    public record Provider(Boolean trustEmailVerified, String displayName, String mark) {
    }

    /** Whether e-mails this provider marks verified count as verified here. */
    boolean trustsEmailVerified(String registrationId) {
        Provider provider = providers.get(registrationId);
        if (provider != null && provider.trustEmailVerified() != null) {
            return provider.trustEmailVerified();
        }
        return "google".equals(registrationId) || GitHubEmails.isGitHub(registrationId);
    }
}
