package org.ssoplatform.auth.federation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth/{provider}/login|callback}: the seed's login API, in JSON. */
@RestController
@RequestMapping("/api/v1/auth/{provider}")
@Tag(name = "Sign-in", description = "The seed's sign-in for API clients and scripts, in JSON: no browser session. "
        + "Browsers sign in at the portal instead (`/portal/oauth2/authorization/portal` on the gateway).")
@SecurityRequirements // public: these endpoints are how a caller gets a token
class JsonLoginController {

    private final JsonLogin login;

    JsonLoginController(JsonLogin login) {
        this.login = login;
    }

    @GetMapping("/login")
    @Operation(summary = "Start signing in with an identity provider",
            description = "Answers the provider's `authorization_url` (with PKCE and a single-use `state`, valid 10 minutes). "
                    + "Send the person there; the provider returns them to `/api/v1/auth/{provider}/callback`. "
                    + "Unknown provider: 404.")
    JsonLogin.Started login(@Parameter(description = "A configured provider: `google`, `github`, locally `local`")
            @PathVariable String provider) {
        return login.start(provider);
    }

    @GetMapping("/callback")
    @Operation(summary = "Finish signing in: the provider's redirect, answered with an access token",
            description = "Exchanges the provider's `code` (checked against `state`, used once) and answers "
                    + "`access_token`, `token_type`, `expires_in` (seconds) and the user with roles and permissions. "
                    + "The first sign-in creates the user with role `user`. Unknown, expired or reused state: 400; "
                    + "an unverified e-mail matching another account: 409; a deactivated user: 403; "
                    + "the provider refusing or unreachable: 502.")
    JsonLogin.LoggedIn callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        return login.finish(provider, code, state, error);
    }
}
