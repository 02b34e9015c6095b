package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonScannerTest {

    static final JsonLimits LIMITS = new JsonLimits(1_048_576, 32, 10_000, 1_000, 65_536, 128, 40);
    /** With bulwark.validation.allow-balanced-bidi-isolates=true; the default refuses every isolate (below). */
    private final JsonScanner scanner = new JsonScanner(LIMITS, true, true, true);

    /** The violation that scanning {@code body} against {@code shape} raises, or null when the body passes. */
    static JsonViolation violation(JsonScanner scanner, String body, Shape shape) {
        try {
            scanner.scan(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                    shape);
            return null;
        } catch (JsonViolation v) {
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonViolation refuse(byte[] body) {
        try {
            scanner.scan(new ByteArrayInputStream(body), new ByteArrayOutputStream(), Shape.ANY);
        } catch (JsonViolation v) {
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted: " + new String(body, StandardCharsets.UTF_8));
    }

    private JsonViolation refuse(String body) {
        return refuse(body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] accept(String body) throws Exception {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        scanner.scan(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), copy, Shape.ANY);
        return copy.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "0", "-0.5e-3", "\"x\"", "true", "null", " {\"a\" : [1, 2.5, -3e+10, {}], "
        + "\"b\": {\"c\": null}, \"s\": \"caf\u00e9 \\u00e9 \\ud83d\\ude00 \ud83d\ude00 tab\\t nl\\n\"} ",
        "{\"a\":1,\"A\":2}", "[[[[[[[[[[]]]]]]]]]]"})
    void acceptsValidJsonAndCopiesItByteForByte(String body) throws Exception {
        assertThat(new String(accept(body), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\"}", "{\"a\":}", "{a:1}", "{'a':1}", "[1,]", "[1 2]", "01", "1.",
        ".5", "-", "+1", "1e", "NaN", "Infinity", "-Infinity", "tru", "nul", "\"\\x\"", "\"\\u12\"", "{} {}",
        "[1]]", "\"unterminated", "\"raw\ttab\"", "\ufeff{}", "{\"a\":1,}", "// comment\n{}"})
    void refusesMalformedJson(String body) {
        assertThat(refuse(body).kind()).isEqualTo(JsonViolation.Kind.SYNTAX);
    }

    @Test
    void refusesIllFormedUtf8() {
        byte[][] bad = {
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},                         // overlong '/'
            {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'},            // overlong 3-byte
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},            // UTF-8-encoded surrogate U+D800
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // past U+10FFFF
            {'"', (byte) 0xFF, '"'},
            {'"', (byte) 0xC3, '"'},                                      // truncated sequence
            {'"', (byte) 0x80, '"'}};                                     // lone continuation byte
        for (byte[] b : bad) {
            assertThat(refuse(b).kind()).isEqualTo(JsonViolation.Kind.SYNTAX);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\\u0000b\"", "\"\\u0007\"", "\"\\u001b[31m\"", "\"\\u007f\"", "\"\\u0085\"",
        "\"\\u202e\"", "\"\u202egnp.exe\"", "\"\\u2066\"", "\"\\u2067\"", "\"\\u202a\"", "\"\\u2069\"",
        "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800x\"", "\"\\ud800\\u0041\"", "{\"role\":\"user\",\"role\":\"admin\"}",
        "{\"role\":\"user\",\"r\\u006fle\":\"admin\"}", "{\"a\":1,\"\\u0061\":2}", "1e1000000", "-1E-500"})
    void refusesHostileContent(String body) {
        JsonViolation v = refuse(body);
        assertThat(v.kind()).isEqualTo(JsonViolation.Kind.CONTENT);
        assertThat(v.getMessage()).doesNotContain("admin").doesNotContain("gnp");
    }

    /** Hebrew and Arabic text carries direction marks (LRM, RLM, ALM); they reorder nothing and must pass. */
    @ParameterizedTest
    @ValueSource(strings = {"\"\u05e9\u05dc\u05d5\u05dd \u200eABC-123\u200f \u05e2\u05d5\u05dc\u05dd\"",
        "\"\u0645\u0631\u062d\u0628\u0627 \u061c42\u061c\"", "\"\\u200e\\u200f\\u061c\"",
        "{\"note\":\"\u05d4\u05d6\u05de\u05e0\u05d4 \u200f#12\u200f\"}"})
    void acceptsRightToLeftTextWithDirectionMarks(String body) throws Exception {
        assertThat(new String(accept(body), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    /**
     * Fluent and MessageFormat 2 wrap names in FSI/LRI/RLI ... PDI; balanced within the string, they pass, sent as
     * UTF-8 or as JSON escapes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"note\":\"\\u2068Sarah\\u2069 sent you a gift\"}",
        "{\"note\":\"\u2068Sarah\u2069 sent you a gift\"}",
        "{\"note\":\"\u2068\u05e9\u05e8\u05d4\u2069 sent you a gift\"}",
        "{\"note\":\"\\u2068\\u05e9\\u05e8\\u05d4\\u2069 sent you a gift\"}",
        "{\"note\":\"\u2068\u0633\u0627\u0631\u0629\u2069 sent you a gift\"}",
        "{\"note\":\"\\u2068\\u2067\\u05e9\\u05e8\\u05d4\\u2069 and \\u2066Bob\\u2069\\u2069 liked your photo\"}",
        "{\"note\":\"\u2068\u2067\u05e9\u05e8\u05d4\u2069 and \u2066Bob\u2069\u2069 liked your photo\"}",
        "[\"\u2068a\u2069\", \"\\u2066b\\u2069\", {\"\u2068key\u2069\": \"\u2067\u05d0\u2069\"}]",
        "\"\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068\\u2068x"
            + "\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\\u2069\""})
    void acceptsBalancedIsolatesFromMessageFormatters(String body) throws Exception {
        assertThat(new String(accept(body), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"note\":\"\\u202e\"}|note|a bidirectional control character in a string",
        "{\"note\":\"\u202egnp.exe\"}|note|a bidirectional control character in a string",
        "{\"note\":\"\\u202egnp.exe\\u202c\"}|note|a bidirectional control character in a string",
        "{\"note\":\"\\u2068\\u202egnp.exe\\u2069\"}|note|a bidirectional control character in a string",
        "{\"note\":\"\\u2067abc\"}|note|an unbalanced bidirectional isolate in a string",
        "{\"note\":\"\u2067abc\"}|note|an unbalanced bidirectional isolate in a string",
        "{\"note\":\"abc\\u2069\"}|note|an unbalanced bidirectional isolate in a string",
        "{\"a\":[\"x\",\"\\u2068a\",\"b\\u2069\"]}|a[1]|an unbalanced bidirectional isolate in a string",
        "{\"\\u2066k\":1}||an unbalanced bidirectional isolate in a string",
        "{\"note\":\"DEEP\"}|note|bidirectional isolates nested deeper than 16 in a string"})
    void refusesOverridesAndUnbalancedOrTooDeepIsolatesSayingWhere(String row) {
        String[] parts = row.split("\\|");
        String body = parts[0].replace("DEEP", "\\u2068".repeat(17) + "x" + "\\u2069".repeat(17));
        JsonViolation v = refuse(body);
        assertThat(v.kind()).isEqualTo(JsonViolation.Kind.CONTENT);
        assertThat(v.path()).isEqualTo(parts[1]);
        assertThat(v.getMessage()).isEqualTo(parts[2]);
    }

    @Test
    void duplicateKeysAreReportedWithTheirPath() {
        JsonViolation v = refuse("{\"order\":{\"items\":[{\"id\":1,\"id\":2}]}}");
        assertThat(v.path()).isEqualTo("order.items[0].id");
        assertThat(v.getMessage()).isEqualTo("duplicate member name");
    }

    @Test
    void structuralLimitsAreEnforcedWhileStreaming() throws Exception {
        assertThat(refuse("[".repeat(33) + "]".repeat(33)).getMessage()).isEqualTo("nesting is deeper than 32");
        accept("[".repeat(32) + "]".repeat(32));
        assertThat(refuse("[" + "0,".repeat(10_000) + "0]").getMessage())
                .isEqualTo("an array has more than 10000 elements");
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i <= 1000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        assertThat(refuse(keys.append("}").toString()).getMessage()).isEqualTo("an object has more than 1000 members");
        assertThat(refuse("\"" + "x".repeat(65_537) + "\"").getMessage())
                .isEqualTo("a string is longer than 65536 characters");
        assertThat(refuse("{\"" + "k".repeat(129) + "\":1}").getMessage())
                .isEqualTo("a key is longer than 128 characters");
        assertThat(refuse("1" + "0".repeat(40)).getMessage()).isEqualTo("a number is longer than 40 characters");
    }

    @Test
    void hostileSizesFailFastWithoutReadingEverything() throws Exception {
        // depth 10^6: refused at depth 33, after reading one buffer (8 KB) of the megabyte
        CountingStream deep = new CountingStream(repeatingStream("[", 1_000_000));
        assertThatThrownBy(() -> scanner.scan(deep, new ByteArrayOutputStream(), Shape.ANY))
                .isInstanceOf(JsonViolation.class);
        assertThat(deep.read).isLessThanOrEqualTo(8192);
        // a 50 MB string: refused at the byte limit, not after 50 MB
        CountingStream huge = new CountingStream(new java.io.SequenceInputStream(
                new ByteArrayInputStream("\"".getBytes(StandardCharsets.US_ASCII)), repeatingStream("x", 50_000_000)));
        JsonScanner small = new JsonScanner(new JsonLimits(1_048_576, 32, 10_000, 1_000, 100_000_000, 128, 40),
                true, true);
        try {
            small.scan(huge, new ByteArrayOutputStream(), Shape.ANY);
            throw new AssertionError("accepted");
        } catch (JsonViolation v) {
            assertThat(v.kind()).isEqualTo(JsonViolation.Kind.TOO_LARGE);
        }
        assertThat(huge.read).isLessThanOrEqualTo(1_048_577);
    }

    /**
     * The buffered read (8 KB) decides exactly as byte by byte, whatever straddles a buffer boundary: a multi-byte
     * character, an escape, a duplicate key, a number; the copy is the body, byte for byte; and a document held in
     * an array is checked in place the same way.
     */
    @Test
    void whatStraddlesTheBufferBoundaryIsReadAsAnythingElse() throws Exception {
        for (int pad = 8150; pad < 8200; pad++) {
            String filler = "x".repeat(pad);
            for (String tail : new String[] {"\"\u00e9\u0645\ud83d\ude00\"", "\"\\u00e9\\n\"", "12345.678e-3",
                    "{\"a\":1,\"a\":2}", "\"\\ud800\""}) {
                String doc = "[\"" + filler + "\"," + tail + "]";
                byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
                String streamed = outcome(() -> {
                    ByteArrayOutputStream copy = new ByteArrayOutputStream();
                    scanner.scan(new ByteArrayInputStream(bytes), copy, Shape.ANY);
                    assertThat(copy.toByteArray()).isEqualTo(bytes);
                });
                String sized = outcome(() -> scanner.scan(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(),
                        Shape.ANY, bytes.length));
                String inPlace = outcome(() -> scanner.scan(bytes, Shape.ANY));
                String byteByByte = outcome(() -> scanner.scan(new OneByteAtATime(bytes), new ByteArrayOutputStream(),
                        Shape.ANY));
                assertThat(List.of(streamed, sized, inPlace)).as("pad %d, %s", pad, tail)
                        .containsOnly(byteByByte);
            }
        }
    }

    private interface Scan {
        void run() throws Exception;
    }

    private static String outcome(Scan scan) {
        try {
            scan.run();
            return "accepted";
        } catch (JsonViolation v) {
            return v.kind() + " " + v.path() + " " + v.getMessage();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** A stream that hands out one byte per read, as a slow network does. */
    private static final class OneByteAtATime extends InputStream {
        private final byte[] bytes;
        private int next;

        OneByteAtATime(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return next < bytes.length ? bytes[next++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (next >= bytes.length) {
                return -1;
            }
            b[off] = bytes[next++];
            return 1;
        }
    }

    @Test
    void controlAndBidiChecksCanBeSwitchedOff() throws Exception {
        JsonScanner lenient = new JsonScanner(LIMITS, false, false);
        lenient.scan(new ByteArrayInputStream("\"\\u0000 \\u202e\"".getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayOutputStream(), Shape.ANY);
        // lone surrogates and duplicates stay refused: they are never valid data
        assertThatThrownBy(() -> lenient.scan(new ByteArrayInputStream("\"\\ud800\"".getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayOutputStream(), Shape.ANY)).isInstanceOf(JsonViolation.class);
    }

    static InputStream repeatingStream(String unit, int times) {
        byte[] b = unit.getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                return pos < (long) times * b.length ? b[(int) (pos++ % b.length)] : -1;
            }
        };
    }

    static final class CountingStream extends InputStream {
        private final InputStream in;
        long read;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws java.io.IOException {
            int b = in.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }
    }

    @Test
    void byDefaultEveryBidiIsolateIsRefused() {
        JsonScanner strict = new JsonScanner(LIMITS, true, true);
        assertThatThrownBy(() -> strict.scan(new java.io.ByteArrayInputStream(
                "{\"note\":\"\u2068Sarah\u2069 sent you a gift\"}".getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayOutputStream(), Shape.ANY)).isInstanceOf(JsonViolation.class)
                .hasMessageContaining("a bidirectional control character");
    }
}
