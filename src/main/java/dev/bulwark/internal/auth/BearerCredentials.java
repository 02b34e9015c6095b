package dev.bulwark.internal.auth;

import dev.bulwark.internal.text.AsciiSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the bearer token of a request in exactly the places MicroProfile JWT reads one, and refuses every shape
 * Bulwark does not accept. Containers are lenient here (Liberty takes an {@code Authorization} value without the
 * {@code Bearer} scheme as the token itself), so whatever a container would make of the value, Bulwark accepts
 * only:
 * <ul>
 * <li>no credentials at all;</li>
 * <li>{@code Authorization: Bearer <token>} (scheme in any case, one or more spaces, RFC 6750 b64token);</li>
 * <li>{@code Authorization: <scheme> <credentials>} for one of the configured other schemes (for example
 * {@code Basic}), which the container handles and which never authenticates a caller as a token holder;</li>
 * <li>when MicroProfile JWT reads a cookie ({@code mp.jwt.token.header=Cookie}), that cookie, once.</li>
 * </ul>
 * Anything else (a scheme-less value, another scheme, several headers or cookies, an empty token) is
 * {@link Kind#MALFORMED}. Pure: no container types.
 */
public final class BearerCredentials {

    /** What a request presents. */
    public enum Kind { NONE, BEARER, OTHER_SCHEME, MALFORMED }

    /** @param token the bearer token for {@link Kind#BEARER}; @param reason why, for the log (never the client) */
    public record Credential(Kind kind, String token, String reason) {
        static final Credential NONE = new Credential(Kind.NONE, null, "no credentials");

        static Credential malformed(String reason) {
            return new Credential(Kind.MALFORMED, null, reason);
        }
    }

    /** RFC 7230 tchar: the characters of an authentication scheme. */
    private static final AsciiSet TCHAR = AsciiSet.of("!#$%&'*+.^_`|~0-9A-Za-z-");
    /** RFC 6750 b64token, before its trailing {@code =}. */
    private static final AsciiSet B64TOKEN = AsciiSet.of("A-Za-z0-9._~+/-");

    private final Set<String> otherSchemes;
    private final String cookieName;
    private final Set<String> queryParameters;

    /**
     * @param otherSchemes    lower-case schemes passed to the container untouched (for example "basic")
     * @param cookieName      the cookie MicroProfile JWT reads the token from, or null when it reads the header
     * @param queryParameters query parameter names (any case) whose compact-JWS values are refused as leaked tokens
     */
    public BearerCredentials(Set<String> otherSchemes, String cookieName, Set<String> queryParameters) {
        this.otherSchemes = Set.copyOf(otherSchemes);
        this.cookieName = cookieName;
        // matched case-insensitively below: a name configured in another case (Access_Token) still refuses
        this.queryParameters = queryParameters.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * @param authorization every {@code Authorization} header value of the request
     * @param tokenCookies  the values of every cookie named like the MicroProfile JWT cookie (ignored when MP JWT
     *                      reads the header)
     */
    public Credential find(List<String> authorization, List<String> tokenCookies) {
        return find(authorization, tokenCookies, token -> false);
    }

    /**
     * @param wellFormed true for a text already known to be a well-formed token (the exact text of a token Bulwark
     *                   read and the container verified: a compact JWS, whose characters are all b64token), which
     *                   then skips the character scan; anything else is scanned
     */
    public Credential find(List<String> authorization, List<String> tokenCookies, Predicate<String> wellFormed) {
        Credential header = fromAuthorization(authorization, wellFormed);
        if (cookieName == null) {
            return header;
        }
        if (header.kind() == Kind.MALFORMED) {
            return header;
        }
        if (header.kind() == Kind.BEARER) {
            return Credential.malformed("a bearer token in the Authorization header where the " + cookieName
                    + " cookie is configured (mp.jwt.token.header=Cookie)");
        }
        if (tokenCookies.isEmpty()) {
            return header;
        }
        if (tokenCookies.size() > 1) {
            return Credential.malformed("several " + cookieName + " cookies");
        }
        String token = tokenCookies.get(0);
        return wellFormed.test(token) || isB64Token(token) ? new Credential(Kind.BEARER, token, "cookie " + cookieName)
                : Credential.malformed("a malformed " + cookieName + " cookie");
    }

    private Credential fromAuthorization(List<String> values, Predicate<String> wellFormed) {
        if (values.isEmpty()) {
            return Credential.NONE;
        }
        if (values.size() > 1) {
            return Credential.malformed("several Authorization headers");
        }
        String value = strip(values.get(0));
        if (value.isEmpty()) {
            return Credential.malformed("an empty Authorization header");
        }
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (space < 0 || !TCHAR.matchesNonEmpty(scheme)) {
            return Credential.malformed("an Authorization header without an authentication scheme");
        }
        String rest = value.substring(space + 1).stripLeading();
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (lower.equals("bearer")) {
            if (!wellFormed.test(rest) && !isB64Token(rest)) {
                return Credential.malformed("malformed Bearer credentials");
            }
            return new Credential(Kind.BEARER, rest, "Authorization header");
        }
        if (otherSchemes.contains(lower) && !rest.isEmpty() && !looksLikeToken(rest)) {
            return new Credential(Kind.OTHER_SCHEME, null, "scheme " + scheme);
        }
        return Credential.malformed("authentication scheme '" + dev.bulwark.internal.logging.SafeLog.printable(scheme, 20)
                + "' is not accepted (bulwark.jwt.other-schemes)");
    }

    /** The name of the query parameter that carries a leaked token, or null. */
    public String leakedQueryToken(java.util.Map<String, List<String>> query) {
        for (var e : query.entrySet()) {
            if (queryParameters.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                for (String v : e.getValue()) {
                    if (v != null && looksLikeToken(strip(v))) {
                        return e.getKey();
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when the value looks like a compact JWS (three base64url segments) or JWE (five), the first at least two
     * characters long: as a token leaked into another place would look.
     */
    public static boolean looksLikeToken(String value) {
        if (value == null) {
            return false;
        }
        int segments = 0;
        int start = 0;
        while (true) {
            int end = AsciiSet.BASE64URL.skip(value, start);
            segments++;
            if (segments == 1 && end - start < 2) {
                return false;
            }
            if (end == value.length()) {
                return segments == 3 || segments == 5;
            }
            if (value.charAt(end) != '.' || segments == 5) {
                return false;
            }
            start = end + 1;
        }
    }

    /** RFC 6750 b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isB64Token(String value) {
        int end = B64TOKEN.skip(value, 0);
        if (end == 0) {
            return false;
        }
        for (int i = end; i < value.length(); i++) {
            if (value.charAt(i) != '=') {
                return false;
            }
        }
        return true;
    }

    /** Removes leading and trailing optional whitespace (SP and HTAB, RFC 9110). */
    private static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(b, e);
    }
}
