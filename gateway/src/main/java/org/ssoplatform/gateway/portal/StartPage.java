package org.ssoplatform.gateway.portal;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The gateway's root, for a person who opens it in a browser: who is signed in (or where to sign
 * in) and where the API documentation is. A stand-in for the portal's own front end, which will
 * take over {@code /}.
 */
@RestController
class StartPage {

    static final String PATH = "/";

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    String start(@AuthenticationPrincipal OidcUser user, ServerHttpRequest request) {
        boolean failed = request.getQueryParams().containsKey("error"); // SignInFailure's bare "?error"
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>SSO platform</title></head>
                <body><main><h1>SSO platform</h1>
                """);
        if (failed && user == null) {
            page.append("<p role=\"alert\" id=\"sign-in-failed\">Signing in did not succeed. Please try again.</p>\n");
        }
        if (user != null) {
            String name = user.getFullName() != null ? user.getFullName() : user.getSubject();
            page.append("<p id=\"signed-in\">Signed in as <strong>").append(HtmlUtils.htmlEscape(name)).append("</strong>");
            if (user.getEmail() != null) {
                page.append(" (").append(HtmlUtils.htmlEscape(user.getEmail())).append(')');
            }
            page.append(".</p>\n<p><a href=\"/portal/me\">Your session as JSON</a></p>\n");
        }
        else {
            page.append("<p><a id=\"sign-in\" href=\"/oauth2/authorization/portal\">Sign in</a></p>\n");
        }
        page.append("""
                <h2>API documentation</h2>
                <ul>
                <li><a href="/docs">Swagger UI</a>: try the API (Authorize signs you in)</li>
                <li><a href="/redoc">ReDoc</a>: the reference</li>
                <li><a href="/v3/api-docs">OpenAPI document</a></li>
                </ul>
                </main></body></html>
                """);
        return page.toString();
    }
}
