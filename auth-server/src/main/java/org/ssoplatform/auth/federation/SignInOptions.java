package org.ssoplatform.auth.federation;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.stereotype.Component;

/**
 * The providers as people see them on the sign-in and link pages: a name and a mark for each. A registration
 * set up by {@code issuer-uri} gets the issuer's address as its client name, which is no name for a button;
 * so a configured {@code platform.auth.providers.<id>.display-name} comes first, then the well-known names,
 * then a client name that is not an address, then the id.
 */
@Component
class SignInOptions {

    static final Set<String> MARKS = Set.of("google", "github", "local", "oidc");

    /**
     * @param id the registration id ({@code /oauth2/authorization/{id}})
     * @param name the display name
     * @param mark the icon's name under {@code /ui/marks/}
     */
    record Option(String id, String name, String mark) {
    }

    private final Iterable<ClientRegistration> providers;

    private final FederationProperties properties;

    /** @param providers the available registrations (the {@link FederationConfig.Providers} bean) */
    SignInOptions(Iterable<ClientRegistration> providers, FederationProperties properties) {
        this.providers = providers;
        this.properties = properties;
    }

    /** The available providers now: one unreachable at start-up joins once its discovery document answers. */
    List<Option> all() {
        List<Option> all = new ArrayList<>();
        for (ClientRegistration registration : providers) {
            FederationProperties.Provider configured = properties.providers().get(registration.getRegistrationId());
            all.add(new Option(registration.getRegistrationId(), name(registration, configured),
                    mark(registration, configured)));
        }
        // Well-known providers first, then by name: the same order on every instance and every restart.
        all.sort(Comparator.comparing((Option option) -> !option.mark().equals("google") && !option.mark().equals("github"))
            .thenComparing(Option::name, String.CASE_INSENSITIVE_ORDER));
        return all;
    }

    Optional<Option> find(String id) {
        return all().stream().filter(option -> option.id().equals(id)).findFirst();
    }

    private static String name(ClientRegistration registration, FederationProperties.Provider configured) {
        if (configured != null && configured.displayName() != null && !configured.displayName().isBlank()) {
            return configured.displayName().strip();
        }
        String id = registration.getRegistrationId();
        if (id.equals("google")) {
            return "Google";
        }
        if (GitHubEmails.isGitHub(id)) {
            return "GitHub";
        }
        String clientName = registration.getClientName();
        if (clientName != null && !clientName.isBlank() && !clientName.equals(id) && !looksLikeAnAddress(clientName)) {
            return clientName.strip();
        }
        return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    private static String mark(ClientRegistration registration, FederationProperties.Provider configured) {
        if (configured != null && configured.mark() != null && MARKS.contains(configured.mark())) {
            return configured.mark();
        }
        String id = registration.getRegistrationId();
        String host = host(registration.getProviderDetails().getAuthorizationUri());
        if (id.equals("google") || host.equals("accounts.google.com")) {
            return "google";
        }
        if (GitHubEmails.isGitHub(id) || host.equals("github.com")) {
            return "github";
        }
        return id.equals("local") ? "local" : "oidc";
    }

    private static boolean looksLikeAnAddress(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static String host(String uri) {
        try {
            String host = uri == null ? null : URI.create(uri).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return "";
        }
    }
}
