package org.ssoplatform.gateway.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's own back end: who is signed in. Everything else goes through {@code /portal/api/**}. */
@RestController
class PortalController {

    @GetMapping("/portal/me")
    Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("sub", user.getSubject());
        me.put("email", user.getEmail());
        me.put("name", user.getFullName());
        return me;
    }
}
