package org.ssoplatform.auth.federation;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one button per configured provider, and when the last sign-in failed, why
 * (deactivated account, unverified e-mail...), which Spring's generated page reduces to
 * "Invalid credentials". With {@code ?reauthenticate} it asks a signed-in person to sign in again
 * (linking needs a recent sign-in), and asks OIDC providers to authenticate them afresh.
 */
@RestController
class LoginPageController {

    static final String REAUTHENTICATE = "reauthenticate";

    private final FederationConfig.Providers providers;

    LoginPageController(FederationConfig.Providers providers) {
        this.providers = providers;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(@RequestParam(required = false) String error,
            @RequestParam(name = REAUTHENTICATE, required = false) String reauthenticate, HttpSession session) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
                <body><main><h1>Sign in</h1>
                """);
        if (error != null) {
            page.append("<p role=\"alert\">").append(HtmlUtils.htmlEscape(reason(session))).append("</p>\n");
        }
        if (reauthenticate != null) {
            page.append("<p role=\"status\">For your security, sign in again to continue: linking another sign-in ")
                .append("needs a sign-in within the last few minutes.</p>\n");
        }
        page.append("<ul>\n");
        for (ClientRegistration provider : providers) {
            page.append("<li><a href=\"/oauth2/authorization/")
                .append(HtmlUtils.htmlEscape(provider.getRegistrationId()))
                .append(reauthenticate != null ? "?" + SignInRequests.PROMPT + "=" + SignInRequests.LOGIN : "")
                .append("\">Continue with ")
                .append(HtmlUtils.htmlEscape(provider.getClientName()))
                .append("</a></li>\n");
        }
        for (String unavailable : providers.unavailableNames()) {
            page.append("<li aria-disabled=\"true\">")
                .append(HtmlUtils.htmlEscape(unavailable))
                .append(": unavailable right now, try again shortly</li>\n");
        }
        return page.append("</ul></main></body></html>\n").toString();
    }

    private static String reason(HttpSession session) {
        Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof FederationException federation) {
            return federation.getMessage();
        }
        return failure instanceof AuthenticationException ? "The sign-in did not complete; please try again."
                : "Please sign in.";
    }
}
