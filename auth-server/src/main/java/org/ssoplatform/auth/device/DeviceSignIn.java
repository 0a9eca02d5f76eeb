package org.ssoplatform.auth.device;

import jakarta.servlet.Filter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2ClientAuthenticationConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2DeviceAuthorizationEndpointConfigurer;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2DeviceVerificationEndpointConfigurer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationConsentAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceVerificationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2DeviceVerificationAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.shared.RedisNamespace;

/**
 * CLI sign-in, the OAuth 2.0 Device Authorization Grant (RFC 8628), on Spring Authorization Server's own
 * endpoints: what the authorization server's filter chain needs to offer it to public clients, answer polls
 * per the RFC, and send the person through the pages of {@link DevicePageController}, every form of which is a
 * {@code POST} with the CSRF token of the sign-in session.
 */
public final class DeviceSignIn {

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationService authorizations;

    private final AuthorizationServerSettings settings;

    private final DeviceSignInProperties properties;

    private final String verificationUri;

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    private final DeviceVerificationOutcomes outcomes = new DeviceVerificationOutcomes();

    DeviceSignIn(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
            AuthorizationServerSettings settings, DeviceSignInProperties properties, AuthServerProperties auth,
            StringRedisTemplate redis, RedisNamespace namespace) {
        this.clients = clients;
        this.authorizations = authorizations;
        this.settings = settings;
        this.properties = properties;
        this.verificationUri = auth.issuer() + DevicePageController.PATH;
        this.redis = redis;
        this.namespace = namespace;
    }

    /** The device authorization endpoint: answers with the interval and the verification page people reach. */
    public void authorizationEndpoint(OAuth2DeviceAuthorizationEndpointConfigurer endpoint) {
        endpoint.verificationUri(verificationUri)
            .deviceAuthorizationResponseHandler(new DeviceAuthorizationResponses(verificationUri, properties.pollInterval()));
    }

    /**
     * The verification endpoint, where the code page and the consent page post: the person approves every device
     * ({@link UnrememberedConsents}, {@link DeviceApproval}), and is sent on to a page, never to a bare error.
     */
    public void verificationEndpoint(OAuth2DeviceVerificationEndpointConfigurer endpoint) {
        UnrememberedConsents consents = new UnrememberedConsents();
        OAuth2DeviceVerificationAuthenticationProvider verification = new OAuth2DeviceVerificationAuthenticationProvider(
                clients, authorizations, consents);
        verification.setAuthorizationConsentRequired(context -> true);
        OAuth2DeviceAuthorizationConsentAuthenticationProvider consent = new OAuth2DeviceAuthorizationConsentAuthenticationProvider(
                clients, authorizations, consents);
        consent.setAuthorizationConsentCustomizer(new DeviceApproval());
        endpoint.consentPage(DevicePageController.CONSENT)
            .deviceVerificationRequestConverters(converters -> converters.replaceAll(DeviceSignIn::postedCodesOnly))
            .authenticationProviders(providers -> providers.replaceAll(provider -> {
                if (provider instanceof OAuth2DeviceVerificationAuthenticationProvider) {
                    return verification;
                }
                return provider instanceof OAuth2DeviceAuthorizationConsentAuthenticationProvider ? consent : provider;
            }))
            .deviceVerificationResponseHandler(outcomes)
            .errorResponseHandler(outcomes);
    }

    /** Public clients (no secret) name themselves by {@code client_id} alone on the device flow's two requests. */
    public void clientAuthentication(OAuth2ClientAuthenticationConfigurer clientAuthentication) {
        clientAuthentication
            .authenticationConverter(new PublicDeviceClientConverter(settings.getDeviceAuthorizationEndpoint(),
                    settings.getTokenEndpoint()))
            .authenticationProvider(new PublicDeviceClientProvider(clients));
    }

    /** For the token endpoint's providers: the device code grant answers {@code slow_down} (RFC 8628 section 3.5). */
    public AuthenticationProvider paced(AuthenticationProvider provider) {
        return DevicePollingPace.around(redis, namespace, properties.pollInterval()).apply(provider);
    }

    /** The token endpoint's error answers, "authorization_pending" not counted as a failed request. */
    public AuthenticationFailureHandler tokenErrors() {
        return new DevicePollingErrors();
    }

    /**
     * The CSRF check of the forms posting to the verification endpoint, which the framework exempts from its
     * chain's check; against the token the sign-in session's pages put in those forms.
     */
    public Filter verificationCsrf() {
        CsrfFilter csrf = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        csrf.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, settings.getDeviceVerificationEndpoint()));
        // Its own once-per-request marker: the chain's CsrfFilter, of the same class, has run already.
        csrf.setBeanName("deviceVerificationCsrfFilter");
        return csrf;
    }

    private static AuthenticationConverter postedCodesOnly(AuthenticationConverter converter) {
        if (!(converter instanceof OAuth2DeviceVerificationAuthenticationConverter)) {
            return converter;
        }
        return request -> {
            if (!HttpMethod.POST.matches(request.getMethod())) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
            }
            return converter.convert(request);
        };
    }
}
