package org.ssoplatform.auth.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.token.TokenIssuer;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * The seed's JSON login for API clients: the same provider exchange as the browser flow (PKCE,
 * single-use expiring state bound to its provider, OIDC nonce, Spring Security's own code-exchange
 * providers, {@link FederatedSignIn}), ending in an access token of the same kind as the standard flow's
 * instead of a session. It neither reads nor writes a browser session: its state lives in Redis, keyed
 * by the {@code state} itself, and its authorization requests never carry a link.
 */
@Component
class JsonLogin {

    record Started(String authorizationUrl, String state) {
    }

    record LoggedIn(String accessToken, String tokenType, long expiresIn, UserView user) {
    }

    private static final StringKeyGenerator SECRETS = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

    private final FederationConfig.Providers providers;

    private final LoginStateStore states;

    // Built once; ID-token decoders (with their cached provider JWKS) come from IdTokenDecoders.
    private final AuthenticationProvider oidcLogin;

    private final AuthenticationProvider oauth2Login;

    private final AuditLog audit;

    private final SignInMeters meters;

    private final TokenIssuer tokens;

    private final UserViews users;

    private final AuthServerProperties properties;

    JsonLogin(FederationConfig.Providers providers, LoginStateStore states, FederatedOidcUserService oidcUsers,
            FederatedOAuth2UserService oauth2Users, JwtDecoderFactory<ClientRegistration> idTokenDecoders,
            OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> codeExchange, FederatedSignIn signIn,
            TokenIssuer tokens, UserViews users, AuthServerProperties properties, AuditLog audit, SignInMeters meters) {
        this.meters = meters;
        this.providers = providers;
        this.states = states;
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(codeExchange,
                oidcUsers);
        oidc.setJwtDecoderFactory(idTokenDecoders);
        this.oidcLogin = signIn.wrap(oidc, FederatedSignIn.Flow.API);
        this.oauth2Login = signIn.wrap(new OAuth2LoginAuthenticationProvider(codeExchange, oauth2Users),
                FederatedSignIn.Flow.API);
        this.audit = audit;
        this.tokens = tokens;
        this.users = users;
        this.properties = properties;
    }

    Started start(String provider) {
        ClientRegistration registration = registration(provider);
        String state = SECRETS.generateKey();
        LoginStateStore.PendingLogin pending = new LoginStateStore.PendingLogin(provider,
                properties.issuer() + "/api/v1/auth/" + provider + "/callback", SECRETS.generateKey(),
                isOidc(registration) ? SECRETS.generateKey() : null);
        if (!states.save(state, pending)) {
            ErrorResponseException full = ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "too_many_pending_logins",
                    "Too many sign-ins are pending; try again shortly.");
            full.getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
            throw full;
        }
        return new Started(authorizationRequest(registration, state, pending).getAuthorizationRequestUri(), state);
    }

    /** Completes the login {@code state} started; a refusal is audited with its reason's code. */
    LoggedIn finish(String provider, String code, String state, String error) {
        try {
            return complete(provider, code, state, error);
        }
        catch (ErrorResponseException refused) {
            Object reason = refused.getBody().getProperties() == null ? null
                    : refused.getBody().getProperties().get("code");
            SignInFailures.recordFailure(audit, meters, provider, reason == null ? "refused" : reason.toString(),
                    FederatedSignIn.Flow.API);
            throw refused;
        }
    }

    private LoggedIn complete(String provider, String code, String state, String error) {
        LoginStateStore.PendingLogin pending = states.consume(state == null ? "" : state)
            .filter(p -> p.provider().equals(provider))
            .orElseThrow(() -> ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_state",
                    "Unknown, expired or already used state: start again at /api/v1/auth/" + provider + "/login"));
        if (error != null) {
            throw ApiProblem.of(HttpStatus.BAD_GATEWAY, "provider_error", "The provider answered: " + error);
        }
        if (code == null || code.isBlank()) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "missing_code", "The callback carries no code");
        }
        ClientRegistration registration = registration(provider);
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
            .redirectUri(pending.redirectUri())
            .state(state)
            .build();
        OAuth2LoginAuthenticationToken result = authenticate(registration,
                new OAuth2AuthorizationExchange(authorizationRequest(registration, state, pending), response));
        OAuth2AuthenticationToken user = new OAuth2AuthenticationToken(result.getPrincipal(), result.getAuthorities(),
                provider);
        OAuth2AccessToken token = tokens.issue(properties.jsonLoginClient(), user);
        return new LoggedIn(token.getTokenValue(), "bearer",
                Duration.between(Instant.now(), token.getExpiresAt()).toSeconds(),
                users.find(Long.parseLong(user.getName())).orElseThrow());
    }

    private OAuth2LoginAuthenticationToken authenticate(ClientRegistration registration, OAuth2AuthorizationExchange exchange) {
        try {
            OAuth2LoginAuthenticationToken request = new OAuth2LoginAuthenticationToken(registration, exchange);
            return (OAuth2LoginAuthenticationToken) (isOidc(registration) ? oidcLogin.authenticate(request)
                    : oauth2Login.authenticate(request));
        }
        catch (FederationException ex) {
            HttpStatus status = "account_disabled".equals(ex.getError().getErrorCode()) ? HttpStatus.FORBIDDEN
                    : HttpStatus.CONFLICT;
            throw ApiProblem.of(status, ex.getError().getErrorCode(), ex.getError().getDescription());
        }
        catch (OAuth2AuthenticationException ex) {
            throw ApiProblem.of(HttpStatus.BAD_GATEWAY, "provider_error",
                    "The sign-in with the provider failed (" + ex.getError().getErrorCode() + ")");
        }
    }

    private ClientRegistration registration(String provider) {
        ClientRegistration registration = providers.findByRegistrationId(provider);
        if (registration == null && providers.isConfigured(provider)) {
            ErrorResponseException unavailable = ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                    "The identity provider '" + provider + "' cannot be reached right now; try again shortly");
            unavailable.getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
            throw unavailable;
        }
        if (registration == null) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "unknown_provider", "No identity provider named '" + provider + "'");
        }
        return registration;
    }

    /** Built the same way at both ends, so the callback can check the response against it. */
    private static OAuth2AuthorizationRequest authorizationRequest(ClientRegistration registration, String state,
            LoginStateStore.PendingLogin pending) {
        return OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
            .clientId(registration.getClientId())
            .redirectUri(pending.redirectUri())
            .scopes(registration.getScopes())
            .state(state)
            .attributes(attributes -> {
                attributes.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId());
                attributes.put(PkceParameterNames.CODE_VERIFIER, pending.codeVerifier());
                if (pending.nonce() != null) {
                    attributes.put(OidcParameterNames.NONCE, pending.nonce());
                }
            })
            .additionalParameters(parameters -> {
                parameters.put(PkceParameterNames.CODE_CHALLENGE, s256(pending.codeVerifier()));
                parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
                if (pending.nonce() != null) {
                    parameters.put(OidcParameterNames.NONCE, s256(pending.nonce()));
                }
            })
            .build();
    }

    private static boolean isOidc(ClientRegistration registration) {
        return registration.getScopes().contains(OidcScopes.OPENID);
    }

    private static String s256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
