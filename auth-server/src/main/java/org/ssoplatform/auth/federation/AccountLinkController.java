package org.ssoplatform.auth.federation;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Explicit linking: a signed-in user adds another provider account to themselves. */
@Controller
class AccountLinkController {

    private final ClientRegistrationRepository providers;

    AccountLinkController(ClientRegistrationRepository providers) {
        this.providers = providers;
    }

    @GetMapping("/account/link/{provider}")
    String link(@PathVariable String provider, Authentication user, HttpSession session) {
        if (providers.findByRegistrationId(provider) == null) {
            throw new ResponseStatusException(NOT_FOUND, "Unknown provider");
        }
        LinkIntent.remember(session, Long.parseLong(user.getName()));
        return "redirect:/oauth2/authorization/" + provider;
    }
}
