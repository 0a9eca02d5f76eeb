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
    void noTwoOwnedHeadersShareANameInAnyCase() throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : Headers.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add(((String) field.get(null)).toLowerCase());
            }
        }
        assertThat(names).hasSizeGreaterThan(10).doesNotHaveDuplicates();
    }
}
