package dev.bulwark.internal.validation;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.text.TextChecks;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text rules for what arrives outside the body.
 * <ul>
 * <li>The request path and query string, as received, may hold only the characters RFC 3986 allows there; every
 * other one (space, {@code " < > \ ^ ` { | }}, {@code #}, controls, anything outside ASCII, and {@code [ ]} in the
 * path) must be percent-encoded. {@code [} and {@code ]} are accepted in the query, where browsers, axios and PHP-style
 * clients send them raw ({@code ids[]=1}).</li>
 * <li>Percent-decoded, they must be valid UTF-8 (no overlong forms, no encoded surrogates) and, by default, free of
 * control characters and of the bidi embeddings and overrides, with bidi isolates balanced (see
 * {@link BidiControls}) in each path segment, each query parameter name and each value.</li>
 * <li>Checked header values must be free of control characters (tab allowed) and, when they carry UTF-8, follow the
 * same bidi rule.</li>
 * </ul>
 * Reports say where (and for the query, which parameter) and which rule, never the value.
 */
public final class RequestText {

    /** Longest query parameter name a report repeats; longer (or unprintable) names are not named. */
    static final int MAX_REPORTED_NAME = 64;

    private final boolean rejectControls;
    private final boolean rejectBidi;
    private final boolean balancedIsolates;

    /** Refuses every bidi isolate (see {@link BidiControls}). */
    public RequestText(boolean rejectControls, boolean rejectBidi) {
        this(rejectControls, rejectBidi, false);
    }

    /** @param balancedIsolates accept bidi isolates that each segment, parameter or header value balances */
    public RequestText(boolean rejectControls, boolean rejectBidi, boolean balancedIsolates) {
        this.rejectControls = rejectControls;
        this.rejectBidi = rejectBidi;
        this.balancedIsolates = balancedIsolates;
    }

    /** The request path as received (percent-encoded; may be null). */
    public Optional<Problem.FieldError> checkPath(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!allowedInPath(c)) {
                return error("path", "", "contains a character that must be percent-encoded");
            }
            escaped |= c == '%';
        }
        if (!escaped) {
            return Optional.empty(); // visible ASCII only, nothing to decode: no control or bidi character can hide
        }
        // Each segment is one value (a path parameter, a file name): bidi isolates must balance within it. A
        // percent-escape or UTF-8 sequence never spans a '/', so decoding segment by segment is decoding the path.
        for (String segment : raw.split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null) {
                return error("path", "", "is not valid percent-encoded UTF-8");
            }
            Optional<Problem.FieldError> bad = checkText("path", "", decoded);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    /**
     * The query string as received (percent-encoded; may be null). A violation names the parameter it is in when
     * that name is itself clean, printable and short; otherwise the field is empty.
     */
    public Optional<Problem.FieldError> checkQuery(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf('&', start);
            if (end < 0) {
                end = raw.length();
            }
            Optional<Problem.FieldError> bad = checkParameter(raw.substring(start, end));
            if (bad.isPresent()) {
                return bad;
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private Optional<Problem.FieldError> checkParameter(String pair) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        String name = cleanName(rawName);
        String field = name == null ? "" : name;
        for (int i = 0; i < pair.length(); i++) {
            if (!allowedInQuery(pair.charAt(i))) {
                return error("query", i < rawName.length() ? "" : field,
                        "contains a character that must be percent-encoded");
            }
        }
        String decodedName = decode(rawName);
        if (decodedName == null) {
            return error("query", "", "is not valid percent-encoded UTF-8");
        }
        Optional<Problem.FieldError> bad = checkText("query", "", decodedName);
        if (bad.isPresent()) {
            return bad;
        }
        String decodedValue = decode(rawValue);
        if (decodedValue == null) {
            return error("query", field, "is not valid percent-encoded UTF-8");
        }
        return checkText("query", field, decodedValue);
    }

    /** The decoded parameter name when it may be repeated in a report, else null. */
    private String cleanName(String rawName) {
        for (int i = 0; i < rawName.length(); i++) {
            if (!allowedInQuery(rawName.charAt(i))) {
                return null;
            }
        }
        String name = decode(rawName);
        if (name == null || name.isEmpty() || name.length() > MAX_REPORTED_NAME) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (TextChecks.isInvisible(c) || Character.isWhitespace(c)) {
                return null;
            }
        }
        return name;
    }

    /**
     * A header value as the container decoded it (ISO-8859-1): control characters except tab are refused, and
     * when its bytes are UTF-8, so are the bidi embeddings and overrides and unbalanced bidi isolates.
     */
    public Optional<Problem.FieldError> checkHeader(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        boolean wide = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (rejectControls && TextChecks.isAsciiControl(c) && c != '\t') {
                return error("header", name, "contains a control character");
            }
            wide |= c >= 0x80;
        }
        if (wide && rejectBidi) {
            String utf8 = utf8(value.getBytes(StandardCharsets.ISO_8859_1));
            BidiControls.Fault fault = utf8 == null ? null : BidiControls.check(utf8, balancedIsolates);
            if (fault != null) {
                return error("header", name, "contains " + fault.description());
            }
        }
        return Optional.empty();
    }

    private Optional<Problem.FieldError> checkText(String in, String field, String text) {
        if (rejectControls) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (TextChecks.isControl(c)) {
                    return error(in, field, "contains a control character");
                }
            }
        }
        BidiControls.Fault fault = rejectBidi ? BidiControls.check(text, balancedIsolates) : null;
        return fault == null ? Optional.empty() : error(in, field, "contains " + fault.description());
    }

    private static Optional<Problem.FieldError> error(String in, String field, String message) {
        return Optional.of(new Problem.FieldError(in, field, message));
    }

    /** RFC 3986 pchar and "/": unreserved, sub-delims, ":", "@", and "%" (its escapes are checked by decoding). */
    static boolean allowedInPath(char c) {
        return c < 128 && PATH.contains(c);
    }

    private static final dev.bulwark.internal.text.AsciiSet PATH =
            dev.bulwark.internal.text.AsciiSet.of("a-zA-Z0-9-._~!$&'()*+,;=:@/%");

    /** RFC 3986 query characters (pchar, "/", "?"), and the brackets that clients commonly send raw. */
    static boolean allowedInQuery(char c) {
        return allowedInPath(c) || c == '?' || c == '[' || c == ']';
    }

    /** Strict percent-decoding to UTF-8; null when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String raw) {
        if (plainAscii(raw)) {
            return raw; // nothing to decode, and ASCII is UTF-8 as it is
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0xff) {
                return null;
            } else {
                bytes.write(c);
            }
        }
        return utf8(bytes.toByteArray());
    }

    private static boolean plainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
