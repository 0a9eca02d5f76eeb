package org.ssoplatform.auth.shared;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The Content-Security-Policy of the pages people see on auth-server: the app's own stylesheet and images,
 * no script at all, no inline style, never framed. A page whose form leads on to another site (a provider's
 * sign-in, a client's redirect) names that site's origin, because browsers check the redirects that follow
 * a form against {@code form-action}.
 */
public final class PageSecurity {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    private static final String BASE = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private PageSecurity() {
    }

    /** The policy for a page whose forms stay on this site. */
    public static String policy() {
        return BASE;
    }

    /** The policy for a page whose forms may lead on to these addresses' origins. */
    public static String policy(Collection<String> formTargets) {
        TreeSet<String> origins = new TreeSet<>();
        formTargets.stream().map(PageSecurity::origin).filter(Objects::nonNull).forEach(origins::add);
        return origins.isEmpty() ? BASE : BASE + " " + String.join(" ", origins);
    }

    public static void apply(HttpServletResponse response, Collection<String> formTargets) {
        response.setHeader(CONTENT_SECURITY_POLICY, policy(formTargets));
    }

    private static String origin(String address) {
        try {
            URI uri = URI.create(address);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"https".equals(scheme) && !"http".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
