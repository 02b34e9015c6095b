package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyHasherTest {

    static final String PEPPER = "pepper-0123456789-0123456789-0123456789";
    static final String OTHER_PEPPER = "another-pepper-0123456789-0123456789-01";

    @Test
    void theHashIsAnHmacUnderThePepper() {
        KeyHasher hasher = new KeyHasher(PEPPER, null);
        String hash = hasher.hash("bwk_key");
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(hasher.hash("bwk_key"));
        assertThat(hasher.matches("bwk_key", hash)).isTrue();
        assertThat(hasher.matches("bwk_kez", hash)).isFalse();
        assertThat(new KeyHasher(OTHER_PEPPER, null).hash("bwk_key")).as("a stolen store without the pepper")
                .isNotEqualTo(hash);
        assertThat(new KeyHasher(OTHER_PEPPER, null).matches("bwk_key", hash)).isFalse();
    }

    @Test
    void thePreviousPepperStillMatchesDuringAChange() {
        String old = new KeyHasher(OTHER_PEPPER, null).hash("bwk_key");
        KeyHasher changed = new KeyHasher(PEPPER, OTHER_PEPPER);
        assertThat(changed.matches("bwk_key", old)).isTrue();
        assertThat(changed.matches("bwk_key", changed.hash("bwk_key"))).isTrue();
        assertThat(changed.hash("bwk_key")).as("new hashes use the new pepper").isNotEqualTo(old);
    }

    @Test
    void aShortPepperOrAMalformedHashIsRefused() {
        assertThatThrownBy(() -> new KeyHasher("short", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("short");
        KeyHasher hasher = new KeyHasher(PEPPER, null);
        assertThat(hasher.matches("bwk_key", "not hex")).isFalse();
        assertThat(hasher.matches("bwk_key", hasher.hash("bwk_key").substring(2))).isFalse();
        assertThat(hasher.toString()).doesNotContain(PEPPER);
    }
}
