package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    private final ApiKeyFormat format = new ApiKeyFormat("bwk");
    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewKeyHasThePrefixAnIdASecretAndAChecksum() {
        ApiKeyFormat.NewKey k = format.generate(random);
        assertThat(k.key()).startsWith("bwk_").hasSize(4 + 12 + 32 + 6).matches("bwk_[0-9A-Za-z]{50}");
        assertThat(k.key().substring(4, 16)).isEqualTo(k.id());
        assertThat(format.idOf(k.key())).isEqualTo(k.id());
        assertThat(k.toString()).doesNotContain(k.key().substring(16));
    }

    @Test
    void keysAndIdsDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ApiKeyFormat.NewKey k = format.generate(random);
            keys.add(k.key());
            ids.add(k.id());
        }
        assertThat(keys).hasSize(2000);
        assertThat(ids).hasSize(2000);
    }

    @Test
    void everyMistypedCharacterIsRefusedByTheChecksum() {
        String key = format.generate(random).key();
        for (int i = 4; i < key.length(); i++) {
            char c = key.charAt(i);
            char other = c == 'a' ? 'b' : 'a';
            String typo = key.substring(0, i) + other + key.substring(i + 1);
            assertThat(format.idOf(typo)).as("typo at %d", i).isNull();
        }
    }

    @Test
    void swappedNeighboursAreRefused() {
        String key = format.generate(random).key();
        for (int i = 4; i < key.length() - 1; i++) {
            if (key.charAt(i) != key.charAt(i + 1)) {
                String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
                assertThat(format.idOf(swapped)).as("swap at %d", i).isNull();
            }
        }
    }

    @Test
    void otherShapesAreRefused() {
        String key = format.generate(random).key();
        assertThat(format.idOf(null)).isNull();
        assertThat(format.idOf("")).isNull();
        assertThat(format.idOf(key.substring(0, key.length() - 1))).as("truncated").isNull();
        assertThat(format.idOf(key + "0")).as("longer").isNull();
        assertThat(format.idOf("ghp_" + key.substring(4))).as("another prefix").isNull();
        assertThat(new ApiKeyFormat("acme").idOf(key)).as("another deployment's prefix").isNull();
        assertThat(format.idOf(key.substring(0, 10) + "-" + key.substring(11))).as("not base62").isNull();
        assertThat(format.idOf(" " + key.substring(1))).isNull();
        assertThat(format.idOf(key.toUpperCase(java.util.Locale.ROOT))).isNull();
    }

    @Test
    void theChecksumIsTheCrc32InSixBase62Digits() {
        assertThat(ApiKeyFormat.checksum("")).isEqualTo("000000"); // CRC32 of nothing is 0
        assertThat(ApiKeyFormat.checksum("bwk_x")).hasSize(6).matches("[0-9A-Za-z]{6}");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(crc.getValue()).isEqualTo(0xCBF43926L); // the CRC-32 check value
        long decoded = 0;
        for (char c : ApiKeyFormat.checksum("123456789").toCharArray()) {
            decoded = decoded * 62 + ApiKeyFormat.ALPHABET.indexOf(c);
        }
        assertThat(decoded).isEqualTo(0xCBF43926L);
    }

    @Test
    void prefixesAreShortLowerCaseWords() {
        assertThat(ApiKeyFormat.validPrefix("bwk")).isTrue();
        assertThat(ApiKeyFormat.validPrefix("acme2")).isTrue();
        assertThat(ApiKeyFormat.validPrefix("b")).isFalse();
        assertThat(ApiKeyFormat.validPrefix("Bwk")).isFalse();
        assertThat(ApiKeyFormat.validPrefix("b_k")).isFalse();
        assertThat(ApiKeyFormat.validPrefix("2bk")).isFalse();
        assertThatThrownBy(() -> new ApiKeyFormat("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreTwelveBase62Characters() {
        assertThat(ApiKeyFormat.validId("abcDEF012345")).isTrue();
        assertThat(ApiKeyFormat.validId("abcDEF01234")).isFalse();
        assertThat(ApiKeyFormat.validId("abcDEF01234_")).isFalse();
        assertThat(ApiKeyFormat.validId(null)).isFalse();
    }

    @Test
    void aKeyIsFoundInTextOnlyWhenWellFormed() {
        ApiKeyFormat format = new ApiKeyFormat("bwk");
        String key = format.generate(new java.security.SecureRandom()).key();
        assertThat(format.containsKey(key)).isTrue();
        assertThat(format.containsKey("ApiKey " + key + " trailing")).isTrue();
        assertThat(format.containsKey("bwk_bwk_" + key.substring(4))).as("the prefix twice, then a key").isTrue();
        assertThat(format.containsKey("bwk_")).isFalse();
        assertThat(format.containsKey(key.substring(0, key.length() - 1))).isFalse();
        assertThat(format.containsKey(key.substring(0, 53) + (key.charAt(53) == '0' ? '1' : '0'))).isFalse();
        assertThat(format.containsKey(null)).isFalse();
    }
}
