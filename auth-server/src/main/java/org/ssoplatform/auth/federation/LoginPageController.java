package org.ssoplatform.auth.federation;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.shared.PageSecurity;

/**
 * The sign-in page: one button per configured provider, and when the last sign-in failed, why
 * (deactivated account, unverified e-mail...), which Spring's generated page reduces to
 * "Invalid credentials". With {@code ?reauthenticate} it asks a signed-in person to sign in again
 * (linking needs a recent sign-in), and asks OIDC providers to authenticate them afresh.
 */
@Controller
class LoginPageController {

    static final String REAUTHENTICATE = "reauthenticate";

    /** A provider's button: its registration, display name and mark, and where it leads. */
    record Button(String id, String name, String mark, String href) {
    }

    private final SignInOptions options;

    private final ProviderAvailability availability;

    LoginPageController(SignInOptions options, ProviderAvailability availability) {
        this.options = options;
        this.availability = availability;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String provider,
            @RequestParam(name = REAUTHENTICATE, required = false) String reauthenticate,
            @RequestParam(required = false) String logout, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        boolean again = reauthenticate != null;
        List<Button> buttons = options.all().stream().map(option -> new Button(option.id(), option.name(),
                option.mark(), href(request, option.id(), again))).toList();
        model.addAttribute("providers", buttons);
        model.addAttribute("unavailable", availability.unavailableNames());
        model.addAttribute("reauthenticate", again);
        model.addAttribute("signedOut", logout != null && error == null);
        if (error != null) {
            String providerName = options.find(provider).map(SignInOptions.Option::name).orElse(null);
            model.addAttribute("error", SignInError.describe(error, providerName, detail(error, request)));
        }
        response.setHeader(PageSecurity.CONTENT_SECURITY_POLICY, PageSecurity.policy());
        return "sign-in";
    }

    private static String href(HttpServletRequest request, String id, boolean again) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath(request.getContextPath())
            .path("/oauth2/authorization/{id}");
        if (again) {
            href.queryParam(SignInRequests.PROMPT, SignInRequests.LOGIN);
        }
        return href.buildAndExpand(id).encode().toUriString();
    }

    /** The refusal's own words, when this session's last failure is the one the URL names. */
    private static String detail(String error, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof FederationException refusal && SignInError.codeOf(refusal).equals(error)) {
            return refusal.getMessage();
        }
        return null;
    }
}
