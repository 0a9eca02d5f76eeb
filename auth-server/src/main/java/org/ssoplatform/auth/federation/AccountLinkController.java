package org.ssoplatform.auth.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.session.SignInTime;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * Explicit linking: a signed-in user adds another provider account to themselves. The page offers one
 * form per provider; submitting it ({@code POST} with the CSRF token) starts a sign-in at that provider
 * whose authorization request carries the link ({@link LinkIntent}). Both need a sign-in within
 * {@code platform.auth.link-max-sign-in-age} (5 minutes): older, the person signs in again first and comes
 * back to the page.
 */
@RestController
class AccountLinkController {

    static final String PAGE = "/account/link";

    private final FederationConfig.Providers providers;

    private final OAuth2AuthorizationRequestResolver requests;

    private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> pending;

    private final OAuthAccountRepository accounts;

    private final UserViews users;

    private final FederationProperties properties;

    private final RequestCache afterSignIn = new HttpSessionRequestCache();

    private final Clock clock = Clock.systemUTC();

    AccountLinkController(FederationConfig.Providers providers, OAuth2AuthorizationRequestResolver requests,
            AuthorizationRequestRepository<OAuth2AuthorizationRequest> pending, OAuthAccountRepository accounts,
            UserViews users, FederationProperties properties) {
        this.providers = providers;
        this.requests = requests;
        this.pending = pending;
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
    }

    @GetMapping(path = PAGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        if (!recentlySignedIn(user)) {
            afterSignIn.saveRequest(request, response);
            return seeOther(URI.create(request.getContextPath() + "/login?" + LoginPageController.REAUTHENTICATE));
        }
        long userId = Long.parseLong(user.getName());
        String email = users.find(userId).map(UserView::email).orElse("");
        List<String> linked = accounts.findByUserId(userId).stream().map(OAuthAccount::provider).sorted().toList();
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Link a sign-in</title></head>
                <body><main><h1>Link another sign-in</h1>
                """);
        page.append("<p>Signed in as ").append(HtmlUtils.htmlEscape(email)).append(". Linked: ")
            .append(HtmlUtils.htmlEscape(String.join(", ", linked))).append(".</p>\n<ul>\n");
        for (ClientRegistration provider : providers) {
            String id = HtmlUtils.htmlEscape(provider.getRegistrationId());
            page.append("<li><form method=\"post\" action=\"").append(request.getContextPath()).append(PAGE).append('/')
                .append(id).append("\"><input type=\"hidden\" name=\"").append(HtmlUtils.htmlEscape(csrf.getParameterName()))
                .append("\" value=\"").append(HtmlUtils.htmlEscape(csrf.getToken())).append("\"><button type=\"submit\">Link ")
                .append(HtmlUtils.htmlEscape(provider.getClientName())).append("</button></form></li>\n");
        }
        page.append("</ul></main></body></html>\n");
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page.toString());
    }

    /** Starts the provider sign-in that will link its account; CSRF-checked by Spring Security. */
    @PostMapping(PAGE + "/{provider}")
    ResponseEntity<Void> link(@PathVariable String provider, Authentication user, HttpServletRequest request,
            HttpServletResponse response) {
        if (providers.findByRegistrationId(provider) == null) {
            throw ApiProblem.of(HttpStatus.NOT_FOUND, "unknown_provider", "No identity provider named '" + provider + "'");
        }
        if (!recentlySignedIn(user)) {
            return seeOther(URI.create(request.getContextPath() + PAGE));
        }
        LinkIntent intent = new LinkIntent(Long.parseLong(user.getName()), provider,
                clock.instant().plus(properties.linkIntentTtl()));
        OAuth2AuthorizationRequest authorization = intent.bindTo(requests.resolve(request, provider));
        pending.saveAuthorizationRequest(authorization, request, response);
        return seeOther(URI.create(authorization.getAuthorizationRequestUri()));
    }

    private boolean recentlySignedIn(Authentication user) {
        Instant signedIn = SignInTime.of(user);
        return signedIn.isAfter(clock.instant().minus(properties.linkMaxSignInAge()));
    }

    private static <T> ResponseEntity<T> seeOther(URI location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
    }
}
