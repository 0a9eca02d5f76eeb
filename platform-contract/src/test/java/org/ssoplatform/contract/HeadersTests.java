package org.ssoplatform.contract;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadersTests {

    @Test
    void theHeadersCallersSendAreSpelledAsDocumented() {
        assertThat(Headers.API_KEY).isEqualTo("X-API-Key");
        assertThat(Headers.CORRELATION_ID).isEqualTo("X-Correlation-Id");
    }

    @Test
    void theIdentityHeadersCoverWhatABackendCouldTrust() {
        assertThat(Headers.IDENTITY).contains("X-User-Id", "X-User-Email", "X-User-Roles", "X-User-Permissions",
                "X-Auth-Type", "X-Api-Key-Id");
    }

    @Test
    void noHeaderIsBothSetByTheGatewayAndRemovedAsForgeableInAnyCase() throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : Headers.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add(((String) field.get(null)).toLowerCase());
            }
        }
        Headers.IDENTITY.forEach(name -> names.add(name.toLowerCase()));
        assertThat(names).hasSize(13).doesNotHaveDuplicates();
    }
}
