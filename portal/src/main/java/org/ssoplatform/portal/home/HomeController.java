package org.ssoplatform.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page at the gateway's root: sign in, or where to go once signed in, and the API documentation. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
