package dev.bulwark.validation;

import dev.bulwark.errors.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Text rules for what arrives outside the body: the request path and query string must be valid UTF-8 once
 * percent-decoded (no overlong forms, no encoded surrogates) and, by default, free of control and bidi
 * characters; checked header values must be free of control characters. Reports say where and which rule,
 * never the value.
 */
public final class RequestText {

    private final boolean rejectControls;
    private final boolean rejectBidi;

    public RequestText(boolean rejectControls, boolean rejectBidi) {
        this.rejectControls = rejectControls;
        this.rejectBidi = rejectBidi;
    }

    /** @param in "path" or "query"; {@code raw} is the percent-encoded text as received (may be null) */
    public Optional<Problem.FieldError> checkEncoded(String in, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String decoded = decode(raw);
        if (decoded == null) {
            return Optional.of(new Problem.FieldError(in, "", "is not valid percent-encoded UTF-8"));
        }
        return checkText(in, "", decoded);
    }

    /** A header value as the container decoded it (ISO-8859-1): control characters except tab are refused. */
    public Optional<Problem.FieldError> checkHeader(String name, String value) {
        if (value == null || !rejectControls) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return Optional.of(new Problem.FieldError("header", name, "contains a control character"));
            }
        }
        return Optional.empty();
    }

    private Optional<Problem.FieldError> checkText(String in, String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (rejectControls && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))) {
                return Optional.of(new Problem.FieldError(in, field, "contains a control character"));
            }
            if (rejectBidi && JsonScanner.isBidiControl(c)) {
                return Optional.of(new Problem.FieldError(in, field, "contains a bidirectional control character"));
            }
        }
        return Optional.empty();
    }

    /** Strict percent-decoding to UTF-8; null when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String raw) {
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
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
