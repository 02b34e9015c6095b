package dev.bulwark.internal.auth;

import dev.bulwark.internal.text.AsciiSet;
import dev.bulwark.internal.validation.JsonLimits;
import dev.bulwark.internal.validation.JsonScanner;
import dev.bulwark.internal.validation.JsonViolation;
import dev.bulwark.internal.validation.Shape;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The JOSE header and the claims of a compact JWS, read strictly: exactly three base64url segments without
 * padding or whitespace, header and payload each a single JSON object in valid UTF-8 with no duplicate member
 * names (a parser that keeps the first and one that keeps the last would disagree about {@code alg} or
 * {@code sub}). {@code compact} is the token as presented, to compare with the one the container verified.
 */
public record RawToken(JsonObject header, JsonObject claims, String compact) {

    /** Largest token Bulwark reads at all. */
    public static final int MAX_LENGTH = 16_384;

    private static final JsonLimits PART_LIMITS = new JsonLimits(MAX_LENGTH, 8, 256, 256, 8_192, 128, 40);
    private static final JsonScanner SCANNER = new JsonScanner(PART_LIMITS, true, true);
    /**
     * One reader factory (immutable, thread-safe): {@code Json.createReader} looks the JSON provider up again on
     * every call (a service-loader scan), which cost more than the rest of the token policy together.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    public static RawToken parse(String compact) throws TokenRejected {
        if (compact == null || compact.isEmpty()) {
            throw new TokenRejected("empty token");
        }
        if (compact.length() > MAX_LENGTH) {
            throw new TokenRejected("token longer than " + MAX_LENGTH + " characters");
        }
        int first = compact.indexOf('.');
        int second = first < 0 ? -1 : compact.indexOf('.', first + 1);
        if (second < 0 || compact.indexOf('.', second + 1) >= 0) {
            int segments = 1;
            for (int i = 0; i < compact.length(); i++) {
                segments += compact.charAt(i) == '.' ? 1 : 0;
            }
            throw new TokenRejected(segments == 5 ? "a JWE where a JWS is expected"
                    : "not a compact JWS (" + segments + " segments)");
        }
        AsciiSet base64url = AsciiSet.BASE64URL;
        if (!base64url.containsAll(compact, 0, first) || !base64url.containsAll(compact, first + 1, second)
                || !base64url.containsAll(compact, second + 1, compact.length())) {
            throw new TokenRejected("a segment is not unpadded base64url");
        }
        if (!canonical(compact, first) || !canonical(compact, second) || !canonical(compact, compact.length())) {
            // a decoder ignores the unused low bits of the last character: 4 or 16 spellings of one token
            throw new TokenRejected("a segment is not canonical base64url (unused bits set)");
        }
        if (second + 1 == compact.length()) {
            throw new TokenRejected("no signature");
        }
        return new RawToken(object(compact.substring(0, first), "header"),
                object(compact.substring(first + 1, second), "payload"), compact);
    }

    /**
     * True when the base64url segment ending before {@code end} has its last character's unused bits clear (RFC 4648
     * section 3.5): a segment of 4n+2 characters leaves 4 bits unused, one of 4n+3 leaves 2.
     */
    private static boolean canonical(String compact, int end) {
        int start = compact.lastIndexOf('.', end - 1) + 1;
        int unused = switch ((end - start) % 4) {
            case 2 -> 0b1111;
            case 3 -> 0b11;
            default -> 0;
        };
        return unused == 0 || (sextet(compact.charAt(end - 1)) & unused) == 0;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static JsonObject object(String segment, String what) throws TokenRejected {
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejected("the " + what + " is not base64url");
        }
        try {
            SCANNER.scan(json, Shape.ANY);
        } catch (JsonViolation v) {
            throw new TokenRejected("the " + what + " is not acceptable JSON: " + v.getMessage());
        }
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new TokenRejected("the " + what + " is not a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new TokenRejected("the " + what + " is not JSON");
        }
    }
}
