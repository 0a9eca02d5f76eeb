package org.ssoplatform.auth.federation;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/**
 * Where a browser lands after signing in: people are sent on to the portal's account page, JSON clients get
 * who they are and which providers are linked.
 */
@RestController
class AccountController {

    record Account(UserView user, List<String> linkedProviders) {
    }

    private final UserViews users;

    private final OAuthAccountRepository accounts;

    private final FederationProperties properties;

    AccountController(UserViews users, OAuthAccountRepository accounts, FederationProperties properties) {
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/account")
    ResponseEntity<Account> account(Authentication authentication,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (asksForAPage(accept)) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(properties.portalUrl()).build();
        }
        long userId = Long.parseLong(authentication.getName());
        UserView user = users.find(userId).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No such user"));
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .body(new Account(user, accounts.findByUserId(userId).stream().map(OAuthAccount::provider).sorted().toList()));
    }

    /** Whether the caller names HTML itself (a browser's navigation), not merely accepts anything. */
    private static boolean asksForAPage(String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()
                        && type.getQualityValue() > 0);
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
