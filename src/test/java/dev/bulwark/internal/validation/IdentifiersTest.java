package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void normalizesCompatibilityForms() {
        assertThat(Identifiers.normalize("\uFB01le")).isEqualTo("file");
        assertThat(Identifiers.normalize("\uFF41\uFF44\uFF4D\uFF49\uFF4E")).isEqualTo("admin");
        assertThat(Identifiers.normalize(null)).isNull();
    }

    @Test
    void acceptsOnlyNormalizedIdentifiersWithoutInvisibleCharacters() {
        assertThat(Identifiers.isNormalized("alice")).isTrue();
        assertThat(Identifiers.isNormalized("caf\u00e9")).isTrue();
        assertThat(Identifiers.isNormalized("\ud83d\ude00")).isTrue();
        assertThat(Identifiers.isNormalized(null)).isTrue();
        assertThat(Identifiers.isNormalized("\uFF41dmin")).isFalse();
        assertThat(Identifiers.isNormalized("cafe\u0301")).isFalse();
        assertThat(Identifiers.isNormalized("ad\u200Bmin")).isFalse();
        assertThat(Identifiers.isNormalized("admin\u202E")).isFalse();
        assertThat(Identifiers.isNormalized("a\u0000b")).isFalse();
        assertThat(Identifiers.isNormalized("\ud800")).isFalse();
        assertThat(new NfkcIdentifierValidator().isValid("\uFB01le", null)).isFalse();
    }

    @Test
    void directionMarksAllowedInFreeTextStayRefusedInIdentifiers() {
        // LRM, RLM and ALM pass in JSON strings, paths and queries, but an identifier is compared, not read:
        // "admin" and "admin" + RLM must not be two different names
        assertThat(Identifiers.isNormalized("admin\u200F")).isFalse();
        assertThat(Identifiers.isNormalized("\u200Eadmin")).isFalse();
        assertThat(Identifiers.isNormalized("\u0645\u062F\u064A\u0631\u061C")).isFalse();
        assertThat(Identifiers.isNormalized("\u05D3\u05E0\u05D9")).isTrue();
    }

    @Test
    void balancedIsolatesAllowedInFreeTextStayRefusedInIdentifiers() {
        assertThat(Identifiers.isNormalized("\u2068admin\u2069")).isFalse();
        assertThat(Identifiers.isNormalized("\u2066\u05D3\u05E0\u05D9\u2069")).isFalse();
        assertThat(new NfkcIdentifierValidator().isValid("\u2068alice\u2069", null)).isFalse();
    }
}
