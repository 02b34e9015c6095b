package dev.bulwark.internal.validation;

import dev.bulwark.internal.text.TextChecks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A strict, streaming JSON checker (RFC 8259) that reads a request body once, byte by byte, copying it for later
 * binding, and refuses it as soon as it breaks a rule: malformed JSON or UTF-8 (overlong forms, encoded
 * surrogates, code points past U+10FFFF), a structural limit, a duplicate member name (also when spelled with
 * escapes), control characters, bidi embeddings and overrides, unbalanced bidi isolates (see {@link BidiControls})
 * or lone surrogates in strings, numbers with absurd exponents, or what the target {@link Shape} refuses: a value
 * of a kind its Java type does not take, an unknown or read-only member, a number that does not fit. Memory is
 * bounded by the limits: it never builds a tree.
 */
public final class JsonScanner {

    private static final int EOF = -1;

    private final JsonLimits limits;
    private final boolean rejectControlCharacters;
    private final boolean rejectBidiControls;
    private final boolean balancedIsolates;

    /** Refuses every bidi isolate (see {@link BidiControls}). */
    public JsonScanner(JsonLimits limits, boolean rejectControlCharacters, boolean rejectBidiControls) {
        this(limits, rejectControlCharacters, rejectBidiControls, false);
    }

    /** @param balancedIsolates accept bidi isolates that each string balances */
    public JsonScanner(JsonLimits limits, boolean rejectControlCharacters, boolean rejectBidiControls,
                       boolean balancedIsolates) {
        this.limits = limits;
        this.rejectControlCharacters = rejectControlCharacters;
        this.rejectBidiControls = rejectBidiControls;
        this.balancedIsolates = balancedIsolates;
    }

    /**
     * Checks one document from {@code in}, writing every byte read to {@code copy}.
     *
     * @throws JsonViolation on the first rule broken
     * @throws IOException   when reading fails
     */
    public void scan(InputStream in, OutputStream copy, Shape shape) throws IOException, JsonViolation {
        scan(in, copy, shape, -1);
    }

    /**
     * As {@link #scan(InputStream, OutputStream, Shape)}, reading through a buffer sized for a body of
     * {@code expectedLength} bytes (its {@code Content-Length}; negative when unknown): no more than 8 KB.
     */
    public void scan(InputStream in, OutputStream copy, Shape shape, long expectedLength)
            throws IOException, JsonViolation {
        int size = expectedLength < 0 ? BUFFER : (int) Math.max(1, Math.min(BUFFER, expectedLength + 1));
        new Run(in, copy, new byte[size], 0).document(shape);
    }

    /**
     * Checks one document held in {@code json} (read in place: nothing is copied).
     *
     * @throws JsonViolation on the first rule broken
     */
    public void scan(byte[] json, Shape shape) throws JsonViolation {
        try {
            new Run(null, null, json, json.length).document(shape);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // no stream is read
        }
    }

    /** The largest read buffer: the body is read through it, and copied once each time it was read through. */
    private static final int BUFFER = 8192;

    private final class Run {
        private final InputStream in;
        private final OutputStream copy;
        /** Where the scan is: member names (String) and array indexes (Integer), formatted only for a violation. */
        private final Deque<Object> path = new ArrayDeque<>();
        private final Supplier<String> here = this::where;
        private final byte[] buffer;
        private int filled;
        private int position;
        private long fetched;
        private final BidiControls.Isolates isolates = new BidiControls.Isolates(balancedIsolates);
        private long bytes;
        private int peeked = -2;

        /** @param in null when {@code buffer} holds the whole document ({@code filled} bytes) */
        Run(InputStream in, OutputStream copy, byte[] buffer, int filled) {
            this.in = in;
            this.copy = copy;
            this.buffer = buffer;
            this.filled = filled;
            this.fetched = filled;
        }

        void document(Shape shape) throws IOException, JsonViolation {
            skipWhitespace();
            if (peek() == EOF) {
                throw syntax("the body is empty");
            }
            value(shape, 0);
            skipWhitespace();
            if (peek() != EOF) {
                throw syntax("content after the JSON document");
            }
        }

        private void value(Shape shape, int depth) throws IOException, JsonViolation {
            int c = peek();
            switch (c) {
                case '{' -> {
                    expect(shape, JsonKind.OBJECT);
                    object(shape, depth + 1);
                }
                case '[' -> {
                    expect(shape, JsonKind.ARRAY);
                    array(shape, depth + 1);
                }
                case '"' -> {
                    expect(shape, JsonKind.STRING);
                    next();
                    shape.string(string(limits.maxStringLength(), "string"), here);
                }
                case 't' -> {
                    literal("true");
                    expect(shape, JsonKind.BOOLEAN);
                }
                case 'f' -> {
                    literal("false");
                    expect(shape, JsonKind.BOOLEAN);
                }
                case 'n' -> {
                    literal("null");
                    expect(shape, JsonKind.NULL);
                }
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        expect(shape, JsonKind.NUMBER);
                        shape.number(number(), here);
                    } else {
                        throw syntax("unexpected character");
                    }
                }
            }
        }

        /** Refuses a value of a kind the Java type here cannot take (an array around an object, "3" for an int). */
        private void expect(Shape shape, JsonKind kind) throws JsonViolation {
            if (!shape.takes(kind)) {
                throw content(kind == JsonKind.NULL ? "must not be null" : "must be " + shape.expected(), null);
            }
        }

        private void object(Shape shape, int depth) throws IOException, JsonViolation {
            checkDepth(depth);
            next();
            Set<String> names = new HashSet<>();
            skipWhitespace();
            if (peek() == '}') {
                next();
                return;
            }
            while (true) {
                skipWhitespace();
                if (next() != '"') {
                    throw syntax("expected a member name");
                }
                String name = string(limits.maxKeyLength(), "key");
                if (names.size() >= limits.maxObjectEntries()) {
                    throw limit("an object has more than " + limits.maxObjectEntries() + " members");
                }
                if (!names.add(name)) {
                    throw content("duplicate member name", name);
                }
                Shape member = shape.member(name, () -> where(name));
                skipWhitespace();
                if (next() != ':') {
                    throw syntax("expected ':'");
                }
                skipWhitespace();
                path.addLast(name);
                value(member, depth);
                path.removeLast();
                skipWhitespace();
                int c = next();
                if (c == '}') {
                    return;
                }
                if (c != ',') {
                    throw syntax("expected ',' or '}'");
                }
            }
        }

        private void array(Shape shape, int depth) throws IOException, JsonViolation {
            checkDepth(depth);
            next();
            Shape element = shape.element();
            skipWhitespace();
            if (peek() == ']') {
                next();
                return;
            }
            int count = 0;
            while (true) {
                if (++count > limits.maxArrayLength()) {
                    throw limit("an array has more than " + limits.maxArrayLength() + " elements");
                }
                skipWhitespace();
                path.addLast(count - 1);
                value(element, depth);
                path.removeLast();
                skipWhitespace();
                int c = next();
                if (c == ']') {
                    return;
                }
                if (c != ',') {
                    throw syntax("expected ',' or ']'");
                }
            }
        }

        private void checkDepth(int depth) throws JsonViolation {
            if (depth > limits.maxDepth()) {
                throw limit("nesting is deeper than " + limits.maxDepth());
            }
        }

        /** Reads a string after its opening quote; returns its decoded value. */
        private String string(int maxLength, String what) throws IOException, JsonViolation {
            StringBuilder out = new StringBuilder();
            isolates.reset();
            while (true) {
                int b = next();
                if (b == EOF) {
                    throw syntax("unterminated string");
                }
                if (b == '"') {
                    if (rejectBidiControls) {
                        bidi(isolates.end());
                    }
                    return out.toString();
                }
                if (b < 0x20) {
                    throw syntax("a raw control character in a string");
                }
                if (b == '\\') {
                    escape(out);
                } else if (b < 0x80) {
                    out.append((char) b);
                } else {
                    out.appendCodePoint(utf8(b));
                }
                if (out.length() > maxLength) {
                    throw limit("a " + what + " is longer than " + maxLength + " characters");
                }
                checkLastChar(out);
            }
        }

        private void escape(StringBuilder out) throws IOException, JsonViolation {
            int e = next();
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char c = (char) hex4();
                    if (Character.isHighSurrogate(c)) {
                        if (next() != '\\' || next() != 'u') {
                            throw content("a lone surrogate escape in a string", null);
                        }
                        char low = (char) hex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw content("a lone surrogate escape in a string", null);
                        }
                        out.append(c).append(low);
                    } else if (Character.isLowSurrogate(c)) {
                        throw content("a lone surrogate escape in a string", null);
                    } else {
                        out.append(c);
                    }
                }
                default -> throw syntax("an invalid escape");
            }
        }

        private void checkLastChar(StringBuilder out) throws JsonViolation {
            char c = out.charAt(out.length() - 1);
            if (rejectControlCharacters && TextChecks.isControlExceptLayout(c)) {
                throw content("a control character in a string", null);
            }
            if (rejectBidiControls) {
                bidi(isolates.accept(c));
            }
        }

        private void bidi(BidiControls.Fault fault) throws JsonViolation {
            if (fault != null) {
                throw content(fault.description() + " in a string", null);
            }
        }

        private int hex4() throws IOException, JsonViolation {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                int h = Character.digit(next(), 16);
                if (h < 0) {
                    throw syntax("an invalid \\u escape");
                }
                v = v * 16 + h;
            }
            return v;
        }

        /** Decodes one UTF-8 sequence whose lead byte was read; refuses every ill-formed sequence. */
        private int utf8(int lead) throws IOException, JsonViolation {
            int count;
            int cp;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                count = 1;
                cp = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                count = 2;
                cp = lead & 0x0F;
                if (lead == 0xE0) {
                    min2 = 0xA0; // no overlong forms
                } else if (lead == 0xED) {
                    max2 = 0x9F; // no UTF-8-encoded surrogates
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                count = 3;
                cp = lead & 0x07;
                if (lead == 0xF0) {
                    min2 = 0x90; // no overlong forms
                } else if (lead == 0xF4) {
                    max2 = 0x8F; // nothing past U+10FFFF
                }
            } else {
                throw syntax("invalid UTF-8");
            }
            for (int i = 0; i < count; i++) {
                int b = next();
                int lo = i == 0 ? min2 : 0x80;
                int hi = i == 0 ? max2 : 0xBF;
                if (b < lo || b > hi) {
                    throw syntax("invalid UTF-8");
                }
                cp = (cp << 6) | (b & 0x3F);
            }
            return cp;
        }

        private String number() throws IOException, JsonViolation {
            StringBuilder n = new StringBuilder();
            if (peek() == '-') {
                n.append((char) next());
            }
            int first = next();
            if (first < '0' || first > '9') {
                throw syntax("an invalid number");
            }
            n.append((char) first);
            if (first != '0') {
                digits(n, false);
            } else if (peek() >= '0' && peek() <= '9') {
                throw syntax("a number with a leading zero");
            }
            if (peek() == '.') {
                n.append((char) next());
                digits(n, true);
            }
            if (peek() == 'e' || peek() == 'E') {
                n.append((char) next());
                if (peek() == '+' || peek() == '-') {
                    n.append((char) next());
                }
                int start = n.length();
                digits(n, true);
                String exponent = n.substring(start);
                if (exponent.length() > 4 || Integer.parseInt(exponent) > JsonLimits.MAX_EXPONENT) {
                    throw content("a number with an exponent beyond " + JsonLimits.MAX_EXPONENT, null);
                }
            }
            return n.toString();
        }

        private void digits(StringBuilder n, boolean required) throws IOException, JsonViolation {
            int count = 0;
            while (peek() >= '0' && peek() <= '9') {
                n.append((char) next());
                count++;
                if (n.length() > limits.maxNumberLength()) {
                    throw limit("a number is longer than " + limits.maxNumberLength() + " characters");
                }
            }
            if (required && count == 0) {
                throw syntax("an invalid number");
            }
        }

        private void literal(String word) throws IOException, JsonViolation {
            for (int i = 0; i < word.length(); i++) {
                if (next() != word.charAt(i)) {
                    throw syntax("an invalid literal");
                }
            }
        }

        private void skipWhitespace() throws IOException, JsonViolation {
            int c;
            while ((c = peek()) == ' ' || c == '\t' || c == '\n' || c == '\r') {
                next();
            }
        }

        private int peek() throws IOException, JsonViolation {
            if (peeked == -2) {
                peeked = read();
            }
            return peeked;
        }

        private int next() throws IOException, JsonViolation {
            int c = peek();
            peeked = -2;
            return c;
        }

        /** The next byte of the body, read through a buffer; each buffer is copied once it was read through. */
        private int read() throws IOException, JsonViolation {
            if (position == filled && !fill()) {
                return EOF;
            }
            int b = buffer[position++] & 0xff;
            if (++bytes > limits.maxBodyBytes()) {
                throw new JsonViolation(JsonViolation.Kind.TOO_LARGE, "", "the body is larger than "
                        + limits.maxBodyBytes() + " bytes");
            }
            return b;
        }

        private boolean fill() throws IOException {
            if (in == null) {
                return false; // the whole document was in the buffer
            }
            copy.write(buffer, 0, filled);
            filled = 0;
            position = 0;
            // never more than one byte past the body limit
            int want = (int) Math.min(buffer.length, Math.max(1, limits.maxBodyBytes() + 1 - fetched));
            int n;
            do {
                n = in.read(buffer, 0, want);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            filled = n;
            fetched += n;
            return true;
        }

        private String where() {
            StringBuilder out = new StringBuilder();
            for (Object segment : path) {
                if (segment instanceof Integer index) {
                    out.append('[').append(index).append(']');
                } else if (((String) segment).startsWith("[") || out.length() == 0) {
                    out.append(segment);
                } else {
                    out.append('.').append(segment);
                }
            }
            return out.toString();
        }

        private String where(String member) {
            String base = where();
            return base.isEmpty() ? member : base + "." + member;
        }

        private JsonViolation syntax(String message) {
            return new JsonViolation(JsonViolation.Kind.SYNTAX, where(), message);
        }

        private JsonViolation limit(String message) {
            return new JsonViolation(JsonViolation.Kind.LIMIT, where(), message);
        }

        private JsonViolation content(String message, String member) {
            return new JsonViolation(JsonViolation.Kind.CONTENT, member == null ? where() : where(member), message);
        }
    }
}
