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
 * "Invalid credentials".
 */
@RestController
class LoginPageController {

    private final FederationConfig.Providers providers;

    LoginPageController(FederationConfig.Providers providers) {
        this.providers = providers;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(@RequestParam(required = false) String error, HttpSession session) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>
                <body><main><h1>Sign in</h1>
                """);
        if (error != null) {
            page.append("<p role=\"alert\">").append(HtmlUtils.htmlEscape(reason(session))).append("</p>\n");
        }
        page.append("<ul>\n");
        for (ClientRegistration provider : providers) {
            page.append("<li><a href=\"/oauth2/authorization/")
                .append(HtmlUtils.htmlEscape(provider.getRegistrationId()))
                .append("\">Continue with ")
                .append(HtmlUtils.htmlEscape(provider.getClientName()))
                .append("</a></li>\n");
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
