package org.ssoplatform.gateway.config;

import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisScriptsTests {

    @Test
    void aScriptIsTheResourcesTextWithAFixedSha() {
        RedisScript<List> script = RedisScripts.fromClasspath("scripts/token_bucket.lua", List.class);

        assertThat(script.getScriptAsString()).contains("redis.call");
        assertThat(script.getSha1()).hasSize(40);
        assertThat(script.getResultType()).isEqualTo(List.class);
    }

    @Test
    void aMissingScriptFailsAtStartUpNamingIt() {
        assertThatThrownBy(() -> RedisScripts.fromClasspath("scripts/nope.lua", Long.class))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("scripts/nope.lua");
    }
}
