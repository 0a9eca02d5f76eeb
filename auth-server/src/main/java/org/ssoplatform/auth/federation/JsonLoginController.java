package org.ssoplatform.auth.federation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/auth/{provider}/login|callback}: the seed's login API, in JSON. */
@RestController
@RequestMapping("/api/v1/auth/{provider}")
class JsonLoginController {

    private final JsonLogin login;

    JsonLoginController(JsonLogin login) {
        this.login = login;
    }

    @GetMapping("/login")
    JsonLogin.Started login(@PathVariable String provider) {
        return login.start(provider);
    }

    @GetMapping("/callback")
    JsonLogin.LoggedIn callback(@PathVariable String provider, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error) {
        return login.finish(provider, code, state, error);
    }
}
