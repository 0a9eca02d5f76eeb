package org.ssoplatform.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTests {

    @Test
    void generatedKeysAreWellFormedAndDistinct() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeyFormat.generate();
            assertThat(ApiKeyFormat.isWellFormed(key)).as(key).isTrue();
            assertThat(key).startsWith("ssop_").hasSize(ApiKeyFormat.LENGTH);
            keys.add(key);
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void keysIssuedEarlierStayWellFormed() {
        // made by the format's first implementation: stored keys must keep passing the edge's check
        String issued = "ssop_0123456789ABCDEFGHIJabcdefghij01234567893BTHtv";
        assertThat(ApiKeyFormat.isWellFormed(issued)).isTrue();
        assertThat(ApiKeyFormat.isWellFormed(issued.substring(0, issued.length() - 1) + "u")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("ssop_1123456789ABCDEFGHIJabcdefghij01234567893BTHtv")).isFalse();
    }

    @Test
    void aSingleChangedCharacterBreaksTheChecksum() {
        String key = ApiKeyFormat.generate();
        int position = ApiKeyFormat.PREFIX.length() + 7;
        char replacement = key.charAt(position) == 'a' ? 'b' : 'a';
        String typo = key.substring(0, position) + replacement + key.substring(position + 1);

        assertThat(ApiKeyFormat.isWellFormed(typo)).isFalse();
    }

    @Test
    void foreignShapesAreRejected() {
        String key = ApiKeyFormat.generate();
        assertThat(ApiKeyFormat.isWellFormed(null)).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed(key + "x")).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("sk_" + key.substring(3))).isFalse();
        assertThat(ApiKeyFormat.isWellFormed(key.substring(0, 10) + "-" + key.substring(11))).isFalse();
        assertThat(ApiKeyFormat.isWellFormed("ssop_ünïcödé" + key.substring(12))).isFalse();
    }

    @Test
    void listingsShowOnlyThePrefixAndTheLastCharacters() {
        String key = ApiKeyFormat.generate();
        assertThat(ApiKeyFormat.displayPrefix(key)).hasSize(11).startsWith("ssop_");
        assertThat(ApiKeyFormat.lastChars(key)).hasSize(4).isEqualTo(key.substring(key.length() - 4));
        assertThat(ApiKeyFormat.hashHex(key)).hasSize(64).isNotEqualTo(ApiKeyFormat.hashHex(ApiKeyFormat.generate()));
    }

    @Test
    void hashIsTheKeysSha256HoweverManyThreadsHashAtOnce() {
        // what `printf %s KEY | sha256sum` prints: stored hashes and cache keys made anywhere else must match
        String key = "ssop_0123456789ABCDEFGHIJabcdefghij0123456789XXXXXX";
        String expected = "bbceaffae0df806f4f77c08841c753db727ad7b9024529bf183fe6d3a9e44427";

        List<String> hashes = IntStream.range(0, 10_000).parallel().mapToObj(i -> ApiKeyFormat.hashHex(key)).toList();

        assertThat(hashes).containsOnly(expected);
    }
}
