package dev.bulwark.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @Test
    void controlsAreC0DelAndC1() {
        assertThat(disagreements(TextChecks::isControl, c -> c <= 0x1f || c >= 0x7f && c <= 0x9f)).isEmpty();
        assertThat(disagreements(TextChecks::isAsciiControl, c -> c <= 0x1f || c == 0x7f)).isEmpty();
        assertThat(TextChecks.isControl('\u0000')).isTrue();
        assertThat(TextChecks.isControl('\u001b')).isTrue();
        assertThat(TextChecks.isControl('\u0085')).isTrue();
        // legitimate text
        assertThat(TextChecks.isControl(' ')).isFalse();
        assertThat(TextChecks.isControl('\u00a0')).isFalse();
        assertThat(TextChecks.isControl('\u00e9')).isFalse();
        assertThat(TextChecks.isAsciiControl('\u0085')).as("C1 is not an ASCII control").isFalse();
    }

    @Test
    void layoutIsTheOnlyControlMultiLineTextMayCarry() {
        assertThat(disagreements(TextChecks::isControlExceptLayout,
                c -> TextChecks.isControl(c) && c != '\t' && c != '\n' && c != '\r')).isEmpty();
        assertThat(TextChecks.isControlExceptLayout('\t')).isFalse();
        assertThat(TextChecks.isControlExceptLayout('\n')).isFalse();
        assertThat(TextChecks.isControlExceptLayout('\r')).isFalse();
        assertThat(TextChecks.isControlExceptLayout('\u000b')).isTrue();
        assertThat(TextChecks.isControlExceptLayout('\u007f')).isTrue();
        assertThat(TextChecks.isControlExceptLayout('\u009b')).isTrue();
    }

    @Test
    void formattingCharactersAreInvisibleButLettersAndPunctuationAreNot() {
        assertThat(TextChecks.isControlOrFormat('\u200b')).as("zero width space").isTrue();
        assertThat(TextChecks.isControlOrFormat('\u202e')).as("right-to-left override").isTrue();
        assertThat(TextChecks.isControlOrFormat('\u00ad')).as("soft hyphen").isTrue();
        assertThat(TextChecks.isControlOrFormat('\ufeff')).as("byte order mark").isTrue();
        assertThat(TextChecks.isControlOrFormat('\u0627')).as("Arabic alef").isFalse();
        assertThat(TextChecks.isControlOrFormat('\u2028')).as("line separator is no format character").isFalse();
        assertThat(TextChecks.isControlOrFormat('-')).isFalse();
    }

    /** The class SafeLog escaped and TokenPolicy refused in key ids, each written out by hand before. */
    @Test
    void invisibleIsControlFormatLineBreakOrSurrogateHalf() {
        assertThat(disagreements(TextChecks::isInvisible, c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)
                || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT
                || Character.isSurrogate(c))).isEmpty();
        String emoji = "\ud83d\udd12";
        assertThat(TextChecks.isInvisible(emoji.charAt(0))).isTrue();
        assertThat(TextChecks.isInvisible(emoji.charAt(1))).isTrue();
        assertThat(TextChecks.isInvisible('\u2029')).isTrue();
        assertThat(TextChecks.isInvisible('\u3000')).as("ideographic space is visible spacing").isFalse();
        assertThat(TextChecks.isInvisible('\u00fc')).isFalse();
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
