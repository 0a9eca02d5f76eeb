package org.ssoplatform.gateway.config;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisScriptsTests {

    @Test
    void aScriptIsTheResourcesTextWithItsSha() throws Exception {
        RedisScript<List> script = RedisScripts.fromClasspath("scripts/token_bucket.lua", List.class);

        byte[] resource = new ClassPathResource("scripts/token_bucket.lua").getContentAsByteArray();

        assertThat(script.getScriptAsString()).isEqualTo(new String(resource, StandardCharsets.UTF_8));
        // The SHA Redis computes on SCRIPT LOAD and EVALSHA looks up: SHA-1 of the script's bytes, in hex.
        assertThat(script.getSha1()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(resource)));
        assertThat(script.getResultType()).isEqualTo(List.class);
    }

    @Test
    void aMissingScriptFailsAtStartUpNamingIt() {
        assertThatThrownBy(() -> RedisScripts.fromClasspath("scripts/nope.lua", Long.class))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("scripts/nope.lua");
    }
}
