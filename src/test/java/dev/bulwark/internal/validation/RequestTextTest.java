package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.errors.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTextTest {

    /** With bulwark.validation.allow-balanced-bidi-isolates=true; the default refuses every isolate (below). */
    private final RequestText text = new RequestText(true, true, true);

    /** Characters RFC 3986 does not allow raw: each must be percent-encoded in a path. */
    @ParameterizedTest
    @ValueSource(strings = {"/items/{x}", "/items/a{", "/items/a}", "/items/a|b", "/items/a^b", "/items/a`b",
        "/items/a<b", "/items/a>b", "/items/a\"b", "/items/a b", "/items/a\\b", "/items/a#b", "/items/[1]",
        "/items/\u00d7\u00a9", "/items/a\u0001", "/items/a\u007f", "/items/\u05e9"})
    void rawCharactersOutsideRfc3986AreRefusedInThePath(String path) {
        Problem.FieldError e = text.checkPath(path).orElseThrow();
        assertThat(e.in()).isEqualTo("path");
        assertThat(e.field()).isEmpty();
        assertThat(e.message()).isEqualTo("contains a character that must be percent-encoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/it/api/items/1", "/a-b._~!$&'()*+,;=:@/c", "/items/%7Bx%7D", "/items/a%7Cb%5E%60",
        "/items/%3Cb%3E%22%20%5C%23%5B1%5D", "/words/%D7%A9%D7%9C%D7%95%D7%9D%E2%80%8F",
        "/words/%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%D8%9C", "/words/%E2%80%8E42"})
    void theSameCharactersPercentEncodedPassAsDoRightToLeftMarks(String path) {
        assertThat(text.checkPath(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "a={} a", "q=a|b q", "x=1&q=a^b q", "q=`id` q", "q=<b> q", "q=\"x\" q", "q=a#b q", "q=a\\b q",
        "q=\u00e9 q", "{}=1 ''", "a|b=1 ''"})
    void rawCharactersOutsideRfc3986AreRefusedInTheQueryNamingTheParameter(String query, String field) {
        Problem.FieldError e = text.checkQuery(query).orElseThrow();
        assertThat(e.in()).isEqualTo("query");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.message()).isEqualTo("contains a character that must be percent-encoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%7B%7D", "q=a%7Cb", "q=a%5Eb%60%3C%3E%22%23%5C", "ids[]=1&ids[]=2", "filter[name]=x",
        "q=a/b?c:d@e", "q=%D7%A9%D7%9C%D7%95%D7%9D%E2%80%8F", "q=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7%D8%9C", "q=%E2%80%8E",
        "flag", "a=&b=", "&&", "q=caf%C3%A9+au+lait"})
    void percentEncodedFormsBracketsAndDirectionMarksPassInTheQuery(String query) {
        assertThat(text.checkQuery(query)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
        "q=%E2%80%AEexe.txt q contains_a_bidirectional_control_character",
        "q=%E2%81%A7 q contains_an_unbalanced_bidirectional_isolate",
        "q=abc%E2%81%A9 q contains_an_unbalanced_bidirectional_isolate",
        "name=%E2%80%AEgnp.exe%E2%80%AC name contains_a_bidirectional_control_character",
        "x=1&name=%00 name contains_a_control_character",
        "limit=%C0%AF limit is_not_valid_percent-encoded_UTF-8",
        "x=%ED%A0%80 x is_not_valid_percent-encoded_UTF-8",
        "x=%zz x is_not_valid_percent-encoded_UTF-8",
        "x=%4 x is_not_valid_percent-encoded_UTF-8",
        "%E2%80%AE=1 '' contains_a_bidirectional_control_character",
        "%zz=1 '' is_not_valid_percent-encoded_UTF-8"})
    void decodedQueryRulesNameTheParameterNeverTheValue(String query, String field, String message) {
        Problem.FieldError e = text.checkQuery(query).orElseThrow();
        assertThat(e.in()).isEqualTo("query");
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.message()).isEqualTo(message.replace('_', ' '));
        assertThat(e.toString()).doesNotContain("exe.txt");
    }

    /** Fluent and MessageFormat 2 output (FSI, LRI or RLI ... PDI around a name) as a client percent-encodes it. */
    static final String[] FORMATTED = {"\u2068Sarah\u2069 sent you a gift",
        "\u2068\u05e9\u05e8\u05d4\u2069 sent you a gift", "\u2068\u0633\u0627\u0631\u0629\u2069 sent you a gift",
        "\u2068\u2067\u05e9\u05e8\u05d4\u2069 and \u2066Bob\u2069\u2069 liked your photo",
        "\u2068".repeat(16) + "x" + "\u2069".repeat(16)};

    @Test
    void balancedIsolatesPassInAPathSegmentAQueryValueAndAParameterName() {
        for (String text : FORMATTED) {
            assertThat(this.text.checkPath("/it/api/notes/" + pct(text) + "/x")).as(text).isEmpty();
            assertThat(this.text.checkPath("/it/api/notes/" + pct(text) + ";lang=he")).as(text).isEmpty();
            assertThat(this.text.checkQuery("lang=he&note=" + pct(text))).as(text).isEmpty();
            assertThat(this.text.checkQuery(pct(text) + "=1")).as(text).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\u202e|contains a bidirectional control character",
        "\u2068\u202egnp.exe\u2069|contains a bidirectional control character",
        "\u2067abc|contains an unbalanced bidirectional isolate",
        "abc\u2069|contains an unbalanced bidirectional isolate",
        "\u2069\u2068abc|contains an unbalanced bidirectional isolate",
        "DEEP|contains bidirectional isolates nested deeper than 16"})
    void overridesAndUnbalancedOrTooDeepIsolatesAreRefusedInPathAndQuery(String value, String message) {
        String text = value.equals("DEEP") ? "\u2068".repeat(17) + "x" + "\u2069".repeat(17) : value;
        Problem.FieldError path = this.text.checkPath("/it/api/notes/" + pct(text)).orElseThrow();
        assertThat(path.in()).isEqualTo("path");
        assertThat(path.message()).isEqualTo(message);
        Problem.FieldError query = this.text.checkQuery("lang=he&note=" + pct(text)).orElseThrow();
        assertThat(query.in()).isEqualTo("query");
        assertThat(query.field()).isEqualTo("note");
        assertThat(query.message()).isEqualTo(message);
    }

    @Test
    void isolatesBalanceWithinOneSegmentOrParameterNeverAcrossThem() {
        assertThat(text.checkPath("/it/api/notes/%E2%81%A8Sarah/%E2%81%A9")).hasValueSatisfying(
                e -> assertThat(e.message()).isEqualTo("contains an unbalanced bidirectional isolate"));
        // an escaped slash is part of its segment, so the isolate around it is balanced
        assertThat(text.checkPath("/it/api/notes/%E2%81%A8a%2Fb%E2%81%A9")).isEmpty();
        assertThat(text.checkQuery("a=%E2%81%A8x&b=y%E2%81%A9")).hasValueSatisfying(
                e -> assertThat(e.field()).isEqualTo("a"));
        assertThat(text.checkQuery("%E2%81%A8a=b%E2%81%A9")).hasValueSatisfying(
                e -> assertThat(e.field()).isEmpty());
    }

    @Test
    void longOrUnprintableParameterNamesAreNotRepeated() {
        String longName = "n".repeat(RequestText.MAX_REPORTED_NAME + 1);
        assertThat(text.checkQuery(longName + "=%00").orElseThrow().field()).isEmpty();
        assertThat(text.checkQuery("n".repeat(RequestText.MAX_REPORTED_NAME) + "=%00").orElseThrow().field())
                .hasSize(RequestText.MAX_REPORTED_NAME);
        assertThat(text.checkQuery("a%20b=%00").orElseThrow().field()).isEmpty();
        assertThat(text.checkQuery("%E2%80%8Fq=%00").orElseThrow().field()).isEmpty();
        assertThat(text.checkQuery("caf%C3%A9=%00").orElseThrow().field()).isEqualTo("caf\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/items/%E2%80%AE1", "/items/%E2%81%A6", "/items/%E2%80%AA", "/items/%00",
        "/items/%1B%5B31m", "/items/%C0%AF", "/items/%ED%A0%80", "/items/%zz"})
    void decodedPathRules(String path) {
        assertThat(text.checkPath(path)).hasValueSatisfying(e -> assertThat(e.in()).isEqualTo("path"));
    }

    @Test
    void checkedHeadersRefuseControlsAndUtf8BidiControlsButNotDirectionMarks() {
        assertThat(text.checkHeader("User-Agent", "a\u0001b")).hasValueSatisfying(
                e -> assertThat(e.message()).isEqualTo("contains a control character"));
        assertThat(text.checkHeader("User-Agent", "a\tb")).isEmpty();
        // a header's bytes as the container gives them (ISO-8859-1): U+202E is E2 80 AE, RLM is E2 80 8F
        assertThat(text.checkHeader("User-Agent", latin1("app \u202Egnp.exe"))).hasValueSatisfying(
                e -> assertThat(e.message()).isEqualTo("contains a bidirectional control character"));
        assertThat(text.checkHeader("User-Agent", latin1("\u05d0\u05e4\u05dc\u05d9\u05e7\u05e6\u05d9\u05d4\u200F 2.0")))
                .isEmpty();
        assertThat(text.checkHeader("User-Agent", "caf\u00e9")).isEmpty();
        assertThat(text.checkHeader("User-Agent", latin1("app (\u2068\u05e9\u05e8\u05d4\u2069) 2.0"))).isEmpty();
        assertThat(text.checkHeader("User-Agent", latin1("app \u2067\u05e9\u05e8\u05d4 2.0"))).hasValueSatisfying(
                e -> assertThat(e.message()).isEqualTo("contains an unbalanced bidirectional isolate"));
        assertThat(text.checkHeader("User-Agent", null)).isEmpty();
    }

    @Test
    void theDecodedChecksCanBeSwitchedOffButNotTheCharacterRules() {
        RequestText lenient = new RequestText(false, false);
        assertThat(lenient.checkQuery("q=%E2%80%AE%00")).isEmpty();
        assertThat(lenient.checkHeader("User-Agent", latin1("\u202E") + "\u0001")).isEmpty();
        assertThat(lenient.checkQuery("q={}")).isPresent();
        assertThat(lenient.checkPath("/a%zz")).isPresent();
    }

    /** Percent-encodes every byte of the UTF-8 form except the RFC 3986 unreserved characters. */
    static String pct(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String latin1(String s) {
        return new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void byDefaultEveryBidiIsolateIsRefused() {
        RequestText strict = new RequestText(true, true);
        assertThat(strict.checkHeader("User-Agent", latin1("app (\u2068\u05e9\u05e8\u05d4\u2069) 2.0")))
                .hasValueSatisfying(e -> assertThat(e.message()).isEqualTo("contains a bidirectional control character"));
    }

    @org.junit.jupiter.api.Test
    void thePathCharacterTableAgreesWithRfc3986OnEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            boolean rfc = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                    || "-._~!$&'()*+,;=:@/%".indexOf(ch) >= 0;
            org.assertj.core.api.Assertions.assertThat(RequestText.allowedInPath(ch)).as("char %d", c).isEqualTo(rfc);
        }
    }

    @org.junit.jupiter.api.Test
    void aPathWithoutEscapesPassesAsItIsAndEscapedControlsAreStillFound() {
        org.assertj.core.api.Assertions.assertThat(text.checkPath("/api/orders/42;v=1/items/~me@x:y")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(text.checkPath("/api/a%0Ab")).isPresent();
        org.assertj.core.api.Assertions.assertThat(text.checkPath("/api/%E2%80%AEevil")).isPresent();
        org.assertj.core.api.Assertions.assertThat(text.checkPath("/api/%zz")).isPresent();
        org.assertj.core.api.Assertions.assertThat(text.checkPath("/api/caf%C3%A9")).isEmpty();
    }
}
