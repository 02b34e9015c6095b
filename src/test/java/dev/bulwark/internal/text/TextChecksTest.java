package dev.bulwark.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextChecksTest {

    /** The characters of the BMP on which {@code check} and {@code expected} disagree (none, to pass). */
    private static String disagreements(Predicate<Character> check, Predicate<Character> expected) {
        StringBuilder out = new StringBuilder();
        for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            if (check.test(c) != expected.test(c)) {
                out.append(String.format("U+%04X ", i));
            }
        }
        return out.toString();
    }

    /** The classes a character is in, by the names the table below uses. */
    private static Set<String> classes(char c) {
        Set<String> in = new TreeSet<>();
        Map.<String, Predicate<Character>>of("control", TextChecks::isControl,
                "ascii-control", TextChecks::isAsciiControl,
                "control-except-layout", TextChecks::isControlExceptLayout,
                "control-or-format", TextChecks::isControlOrFormat,
                "invisible", TextChecks::isInvisible,
                "printable-ascii", TextChecks::isPrintableAscii).forEach((name, check) -> {
                    if (check.test(c)) {
                        in.add(name);
                    }
                });
        return in;
    }

    /** Attack characters (controls, invisible formatting) next to legitimate text (letters, spaces, emoji). */
    @ParameterizedTest(name = "U+{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        0000 | control ascii-control control-except-layout control-or-format invisible
        001B | control ascii-control control-except-layout control-or-format invisible
        0009 | control ascii-control control-or-format invisible
        000A | control ascii-control control-or-format invisible
        000D | control ascii-control control-or-format invisible
        000B | control ascii-control control-except-layout control-or-format invisible
        007F | control ascii-control control-except-layout control-or-format invisible
        # C1: not ASCII
        0085 | control control-except-layout control-or-format invisible
        009B | control control-except-layout control-or-format invisible
        # formatting: zero width space, right-to-left override, soft hyphen, byte order mark
        200B | control-or-format invisible
        202E | control-or-format invisible
        00AD | control-or-format invisible
        FEFF | control-or-format invisible
        # line and paragraph separators, surrogate halves (of U+1F512)
        2028 | invisible
        2029 | invisible
        D83D | invisible
        DD12 | invisible
        # legitimate text
        0020 | printable-ascii
        007E | printable-ascii
        0041 | printable-ascii
        00A0 |
        00E9 |
        0627 |
        3000 |
        """)
    void eachCharacterIsInItsClasses(String code, String expected) {
        char c = (char) Integer.parseInt(code, 16);
        Set<String> want = expected == null ? Set.of() : new TreeSet<>(List.of(expected.split(" ")));
        assertThat(classes(c)).isEqualTo(want);
    }

    @Test
    void controlsAreC0DelAndC1() {
        assertThat(disagreements(TextChecks::isControl, c -> c <= 0x1f || c >= 0x7f && c <= 0x9f)).isEmpty();
        assertThat(disagreements(TextChecks::isAsciiControl, c -> c <= 0x1f || c == 0x7f)).isEmpty();
        assertThat(disagreements(TextChecks::isControlExceptLayout,
                c -> TextChecks.isControl(c) && c != '\t' && c != '\n' && c != '\r')).isEmpty();
        assertThat(disagreements(TextChecks::isControlOrFormat,
                c -> TextChecks.isControl(c) || Character.getType(c) == Character.FORMAT)).isEmpty();
    }

    /** The class SafeLog escaped and TokenPolicy refused in key ids, each written out by hand before. */
    @Test
    void invisibleIsControlFormatLineBreakOrSurrogateHalf() {
        assertThat(disagreements(TextChecks::isInvisible, c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate(c))).isEmpty();
    }

    @Test
    void printableAsciiIsSpaceToTilde() {
        assertThat(disagreements(TextChecks::isPrintableAscii, c -> c >= ' ' && c <= '~')).isEmpty();
        assertThat(TextChecks.isPrintableAscii("max-age=63072000; includeSubDomains")).isTrue();
        assertThat(TextChecks.isPrintableAscii("")).isTrue();
        assertThat(TextChecks.isPrintableAscii("a\u007fb")).isFalse();
        assertThat(TextChecks.isPrintableAscii("caf\u00e9")).isFalse();
        assertThat(TextChecks.isVisibleAscii("[2001:db8::1]:443")).isTrue();
        assertThat(TextChecks.isVisibleAscii("203.0.113.7 ")).isFalse();
        assertThat(TextChecks.isVisibleAscii("203.0.113.7\t")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosniff", "default-src 'none'; frame-ancestors 'none'", "no-store", " leading space"})
    void headerValuesOfPrintableAsciiPass(String value) {
        assertThat(TextChecks.isHeaderValue(value)).isTrue();
        assertThat(TextChecks.isHeaderValue("x".repeat(TextChecks.MAX_HEADER_VALUE_LENGTH))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nosniff\r\nSet-Cookie: a=b", "a\u0000b", "tab\there", "caf\u00e9", "del\u007f"})
    void headerValuesThatCouldInjectOrGarbleAreRefused(String value) {
        assertThat(TextChecks.isHeaderValue(value)).isFalse();
        assertThat(TextChecks.isHeaderValue("x".repeat(TextChecks.MAX_HEADER_VALUE_LENGTH + 1))).isFalse();
    }
}
