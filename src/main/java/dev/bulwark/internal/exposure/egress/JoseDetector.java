package dev.bulwark.internal.exposure.egress;

import java.util.Base64;

/**
 * A compact JWS (three base64url segments) or JWE (five), anywhere in a string ({@code "Bearer eyJ..."} too): the
 * first segment must decode to a JSON object naming {@code "alg"} (and, for a JWE, {@code "enc"}). A JOSE header
 * starts with {@code {}, whose base64url starts with {@code e}: only runs starting {@code ey} or {@code ew} (a quote,
 * a space or a line break after the brace) are decoded. Version strings ({@code 1.2.3}), host names
 * ({@code api.example.com}) and other dotted words never decode to such a header.
 */
final class JoseDetector implements Detector {

    /** Longest header decoded (headers carrying an {@code x5c} chain are long; anything longer is not looked at). */
    private static final int MAX_HEADER = 16_384;
    /** {@code {"alg":"none"}} in base64url is 19 characters; with two dots and a payload a token is longer. */
    private static final int MIN_TOKEN = 22;

    @Override
    public int needs() {
        return Chars.DOT;
    }

    @Override
    public int minLength() {
        return MIN_TOKEN;
    }

    @Override
    public SecretShape find(char[] text, int length) {
        int i = 0;
        while (i < length - 1) {
            if (text[i] != 'e' || (text[i + 1] != 'y' && text[i + 1] != 'w')
                    || i > 0 && (Chars.base64url(text[i - 1]) || text[i - 1] == '.')) {
                i++;
                continue;
            }
            int firstDot = -1;
            int segments = 1;
            int j = i;
            while (j < length) {
                char c = text[j];
                if (Chars.base64url(c)) {
                    j++;
                } else if (c == '.') {
                    if (firstDot < 0) {
                        firstDot = j;
                    }
                    segments++;
                    j++;
                } else {
                    break;
                }
            }
            // dots right after the token end a sentence ("Your token is eyJ....sig."): the token is the run less
            // one or more of them, unless the run as it stands is one (an unsigned JWS ends with a dot)
            int trailing = 0;
            while (trailing < j - i && text[j - 1 - trailing] == '.') {
                trailing++;
            }
            for (int cut = 0; cut <= trailing; cut++) {
                int count = segments - cut;
                int end = j - cut;
                if ((count == 3 || count == 5) && end - i >= MIN_TOKEN && firstDot < end
                        && !(text[end - 1] == '.' && text[end - 2] == '.')) { // a token's last two segments: not empty
                    SecretShape shape = header(text, i, firstDot, count);
                    if (shape != null) {
                        return shape;
                    }
                }
            }
            i = j;
        }
        return null;
    }

    private static SecretShape header(char[] text, int from, int to, int segments) {
        if (to - from > MAX_HEADER || to - from < 16 || (to - from) % 4 == 1) {
            return null;
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(new String(text, from, to - from));
        } catch (IllegalArgumentException notBase64url) {
            return null;
        }
        int start = 0;
        while (start < json.length && (json[start] == ' ' || json[start] == '\t' || json[start] == '\n'
                || json[start] == '\r')) {
            start++;
        }
        if (start >= json.length || json[start] != '{' || json[json.length - 1] != '}' || !contains(json, "\"alg\"")) {
            return null;
        }
        if (segments == 5) {
            return contains(json, "\"enc\"") ? SecretShape.JWE : null;
        }
        return SecretShape.JWS;
    }

    private static boolean contains(byte[] bytes, String ascii) {
        outer:
        for (int i = 0; i <= bytes.length - ascii.length(); i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (bytes[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
