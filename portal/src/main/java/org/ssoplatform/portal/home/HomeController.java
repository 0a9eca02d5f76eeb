package org.ssoplatform.portal.home;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page at the gateway's root: sign in, or where to go once signed in, and the API documentation. */
@Controller
class HomeController {

    /** What the portal's redirects to this page can report, each as a parameter without a value. */
    private static final List<String> EVENTS = List.of("sign-in-failed", "session-ended", "signed-out-everywhere",
            "account-deleted");

    @GetMapping("/")
    String home(HttpServletRequest request, Model model) {
        // Read here: Thymeleaf's param.containsKey does not tell a missing parameter from a present one.
        EVENTS.stream()
            .filter(request.getParameterMap()::containsKey)
            .findFirst()
            .ifPresent(event -> model.addAttribute("event", event));
        return "home";
    }
}
