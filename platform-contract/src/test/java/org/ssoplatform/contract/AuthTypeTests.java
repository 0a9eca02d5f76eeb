package org.ssoplatform.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthTypeTests {

    @Test
    void theClaimValuesAreTheNamesAuthServerWrites() {
        assertThat(AuthType.fromClaim("JWT")).contains(AuthType.JWT);
        assertThat(AuthType.fromClaim("API_KEY")).contains(AuthType.API_KEY);
        assertThat(AuthType.fromClaim("CLIENT")).contains(AuthType.CLIENT);
    }

    @Test
    void anUnknownMissingOrMistypedClaimIsNoAuthType() {
        assertThat(AuthType.fromClaim("api_key")).isEmpty();
        assertThat(AuthType.fromClaim("SOMETHING_ELSE")).isEmpty();
        assertThat(AuthType.fromClaim(null)).isEmpty();
        assertThat(AuthType.fromClaim(1)).isEmpty();
    }

    @Test
    void eachTypeHasItsOwnAuthority() {
        assertThat(AuthType.API_KEY.authority()).isEqualTo("AUTH_TYPE_API_KEY");
        assertThat(AuthType.values()).extracting(AuthType::authority).doesNotHaveDuplicates();
    }
}
