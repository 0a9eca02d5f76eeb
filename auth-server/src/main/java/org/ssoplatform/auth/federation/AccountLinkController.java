package org.ssoplatform.auth.federation;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.session.SignInTime;
import org.ssoplatform.auth.shared.PageSecurity;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * Explicit linking: a signed-in user adds another provider account to themselves. The page offers one
 * form per provider; submitting it ({@code POST} with the CSRF token) starts a sign-in at that provider
 * whose authorization request carries the link ({@link LinkIntent}). Both need a sign-in within
 * {@code platform.auth.link-max-sign-in-age} (5 minutes): older, the person signs in again first and comes
 * back to the page.
 */
@Controller
class AccountLinkController {

    static final String PAGE = "/account/link";

    private final FederationConfig.Providers providers;

    private final OAuth2AuthorizationRequestResolver requests;

    private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> pending;

    private final OAuthAccountRepository accounts;

    private final UserViews users;

    private final FederationProperties properties;

    private final SignInOptions options;

    private final RequestCache afterSignIn = new HttpSessionRequestCache();

    private final Clock clock = Clock.systemUTC();

    AccountLinkController(FederationConfig.Providers providers, OAuth2AuthorizationRequestResolver requests,
            AuthorizationRequestRepository<OAuth2AuthorizationRequest> pending, OAuthAccountRepository accounts,
            UserViews users, FederationProperties properties, SignInOptions options) {
        this.providers = providers;
        this.requests = requests;
        this.pending = pending;
        this.accounts = accounts;
        this.users = users;
        this.properties = properties;
        this.options = options;
    }

    @GetMapping(PAGE)
    ModelAndView page(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        if (!recentlySignedIn(user)) {
            afterSignIn.saveRequest(request, response);
            RedirectView signInAgain = new RedirectView("/login?" + LoginPageController.REAUTHENTICATE, true);
            signInAgain.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(signInAgain);
        }
        long userId = Long.parseLong(user.getName());
        ModelAndView page = new ModelAndView("link");
        page.addObject("email", users.find(userId).map(UserView::email).orElse(""));
        page.addObject("linked", accounts.findByUserId(userId).stream()
            .map(account -> options.find(account.provider()).map(SignInOptions.Option::name).orElse(account.provider()))
            .sorted()
            .toList());
        page.addObject("providers", options.all());
        page.addObject("portal", properties.portalUrl().toString());
        // The form's redirect goes on to the provider: the policy names the providers' sign-in origins.
        List<String> providerPages = new ArrayList<>();
        providers.forEach(provider -> providerPages.add(provider.getProviderDetails().getAuthorizationUri()));
        PageSecurity.apply(response, providerPages);
        return page;
    }

    /** Starts the provider sign-in that will link its account; CSRF-checked by Spring Security. */
    @PostMapping(PAGE + "/{provider}")
    @ResponseBody
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
