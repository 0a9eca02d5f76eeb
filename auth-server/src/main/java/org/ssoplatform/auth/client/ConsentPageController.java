package org.ssoplatform.auth.client;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.shared.PageSecurity;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * The consent page of clients registered with {@code require-consent}: which application asks, for what, with
 * "Allow" and "Deny". Both post to the authorization endpoint, which checks the {@code state} it handed out for
 * this person's authorization in progress; "Deny" sends no scope, which the endpoint answers to the client with
 * {@code access_denied}.
 */
@Controller
public class ConsentPageController {

    public static final String PATH = "/oauth2/consent";

    /** What each scope lets the application do, in the words people see. */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            OidcScopes.PROFILE, "See your name and picture",
            OidcScopes.EMAIL, "See your e-mail address and whether it is verified",
            "platform.api", "Use the platform's API as you, with your roles and permissions");

    /**
     * @param name the scope as requested
     * @param description what it allows
     * @param granted whether this person allowed it before
     */
    record Scope(String name, String description, boolean granted) {
    }

    private final RegisteredClientRepository clients;

    private final OAuth2AuthorizationConsentService consents;

    private final UserViews users;

    ConsentPageController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
            UserViews users) {
        this.clients = clients;
        this.consents = consents;
        this.users = users;
    }

    @GetMapping(PATH)
    String consent(@RequestParam("client_id") String clientId, @RequestParam(defaultValue = "") String scope,
            @RequestParam String state, Principal principal, HttpServletResponse response, Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "unknown_client", "No application with this client id.");
        }
        OAuth2AuthorizationConsent previous = consents.findById(client.getId(), principal.getName());
        Set<String> granted = previous == null ? Set.of() : previous.getScopes();
        List<Scope> scopes = new ArrayList<>();
        for (String requested : new LinkedHashSet<>(List.of(StringUtils.delimitedListToStringArray(scope, " ")))) {
            // openid comes with any other scope: it is the sign-in itself, not something to choose.
            if (!requested.isBlank() && !requested.equals(OidcScopes.OPENID)) {
                scopes.add(new Scope(requested, describe(requested), granted.contains(requested)));
            }
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("scopes", scopes);
        model.addAttribute("signIn", scope.contains(OidcScopes.OPENID));
        model.addAttribute("email", userEmail(principal.getName()));
        // Both answers end in a redirect to the client: the policy names its redirect origins.
        PageSecurity.apply(response, client.getRedirectUris());
        return "consent";
    }

    /** What {@code scope} lets an application do, in the words people see (the device sign-in's page says it too). */
    public static String describe(String scope) {
        return DESCRIPTIONS.getOrDefault(scope, "Use “" + scope + "”");
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
