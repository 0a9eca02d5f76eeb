package org.ssoplatform.auth.device;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ssoplatform.auth.client.ConsentPageController;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.shared.PageSecurity;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * The pages of CLI sign-in, for a signed-in person (the sign-in chain sends anyone else through the sign-in
 * first and back): the code page (the {@code verification_uri}), where they type the code the CLI shows; the
 * consent page, which names the application and shows the code again to compare, with "Allow" and "Deny"; and
 * the page that says how it ended. Both forms post to the framework's verification endpoint with the CSRF token.
 */
@Controller
class DevicePageController {

    static final String PATH = "/device";

    static final String CONSENT = PATH + "/consent";

    static final String APPROVED = PATH + "/approved";

    static final String DENIED = PATH + "/denied";

    /** A code as a person may type it (any case, with or without the dash); the endpoint normalises it. */
    private static final Pattern USER_CODE = Pattern.compile("[A-Za-z0-9-]{1,16}");

    private static final String PLATFORM_API = "platform.api";

    /** @param name the scope as requested; @param description what it allows */
    record Scope(String name, String description) {
    }

    private final RegisteredClientRepository clients;

    private final AuthorizationServerSettings settings;

    private final UserViews users;

    DevicePageController(RegisteredClientRepository clients, AuthorizationServerSettings settings, UserViews users) {
        this.clients = clients;
        this.settings = settings;
        this.users = users;
    }

    static boolean looksLikeAUserCode(String value) {
        return value != null && USER_CODE.matcher(value).matches();
    }

    @GetMapping(PATH)
    String codePage(@RequestParam(name = "user_code", required = false) String userCode,
            @RequestParam(required = false) String error, Principal principal, HttpServletResponse response,
            Model model) {
        model.addAttribute("endpoint", settings.getDeviceVerificationEndpoint());
        model.addAttribute("userCode", looksLikeAUserCode(userCode) ? userCode : "");
        model.addAttribute("error", error != null);
        model.addAttribute("email", userEmail(principal.getName()));
        PageSecurity.apply(response, List.of());
        return "device";
    }

    @GetMapping(CONSENT)
    String consentPage(@RequestParam("client_id") String clientId, @RequestParam(defaultValue = "") String scope,
            @RequestParam String state, @RequestParam("user_code") String userCode, Principal principal,
            HttpServletResponse response, Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || !looksLikeAUserCode(userCode)) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "unknown_device_sign_in", "No such device sign-in.");
        }
        Set<String> requested = new LinkedHashSet<>(List.of(StringUtils.delimitedListToStringArray(scope, " ")));
        requested.removeIf(String::isBlank);
        List<Scope> described = new ArrayList<>();
        for (String name : requested) {
            // The platform's API comes with every device sign-in (said on the page, whatever was asked).
            if (!name.equals(PLATFORM_API)) {
                described.add(new Scope(name, ConsentPageController.describe(name)));
            }
        }
        model.addAttribute("endpoint", settings.getDeviceVerificationEndpoint());
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("userCode", userCode);
        model.addAttribute("requested", requested);
        model.addAttribute("scopes", described);
        model.addAttribute("api", ConsentPageController.describe(PLATFORM_API));
        model.addAttribute("email", userEmail(principal.getName()));
        PageSecurity.apply(response, List.of());
        return "device-consent";
    }

    @GetMapping(APPROVED)
    String approved(HttpServletResponse response, Model model) {
        return done(true, response, model);
    }

    @GetMapping(DENIED)
    String denied(HttpServletResponse response, Model model) {
        return done(false, response, model);
    }

    private String done(boolean approved, HttpServletResponse response, Model model) {
        model.addAttribute("approved", approved);
        PageSecurity.apply(response, List.of());
        return "device-done";
    }

    private String userEmail(String name) {
        try {
            return users.find(Long.parseLong(name)).map(UserView::email).orElse("");
        }
        catch (NumberFormatException ex) {
            return "";
        }
    }
}
