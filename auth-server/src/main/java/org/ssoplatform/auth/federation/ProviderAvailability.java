package org.ssoplatform.auth.federation;

import java.util.List;

/**
 * Whether a configured identity provider can be used now: one whose discovery document could not be fetched
 * (at start-up, or since) is configured but unavailable until it answers. For the sign-in page.
 */
public interface ProviderAvailability {

    boolean isAvailable(String registrationId);

    /** The display names of the configured providers that are unavailable now, in configuration order. */
    List<String> unavailableNames();
}
