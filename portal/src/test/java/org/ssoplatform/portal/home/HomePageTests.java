package org.ssoplatform.portal.home;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.ssoplatform.portal.support.PortalTest;

/** The start page tells a person what just happened, and only that. */
class HomePageTests extends PortalTest {

    @Test
    void aFailedSignInShowsThatMessageAlone() {
        MvcTestResult page = mvc.get().uri("/?sign-in-failed").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Signing in did not succeed.")
            .doesNotContain("Your session has ended.", "You are signed out on every device.", "Your account was deleted.");
    }

    @Test
    void aPlainVisitShowsNoMessage() {
        MvcTestResult page = mvc.get().uri("/").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Sign in").doesNotContain("Signing in did not succeed.",
                "Your session has ended.", "You are signed out on every device.", "Your account was deleted.");
    }
}
