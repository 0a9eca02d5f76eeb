package org.ssoplatform.auth.federation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.auth.user.UserView;
import org.ssoplatform.auth.user.UserViews;

/** Where a browser lands after signing in: who you are and which providers are linked. */
@RestController
class AccountController {

    record Account(UserView user, List<String> linkedProviders) {
    }

    private final UserViews users;

    private final OAuthAccountRepository accounts;

    AccountController(UserViews users, OAuthAccountRepository accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping("/account")
    Account account(Authentication authentication) {
        long userId = Long.parseLong(authentication.getName());
        UserView user = users.find(userId).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "No such user"));
        return new Account(user, accounts.findByUserId(userId).stream().map(OAuthAccount::provider).sorted().toList());
    }
}
