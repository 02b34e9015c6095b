package dev.bulwark.internal.auth;

import java.util.Collection;
import java.util.TreeSet;

/**
 * The bearer challenges of RFC 6750 section 3, written the same way by every layer that refuses a request, so that
 * no two refusals of one kind can tell a client which layer made them.
 */
public final class BearerChallenges {

    /** The response header that carries them. */
    public static final String HEADER = "WWW-Authenticate";

    /** A request with no credentials at all: no error code (RFC 6750 section 3.1). */
    public static final String NO_CREDENTIALS = "Bearer";

    /** Every refused token, on every runtime (the same text as Liberty's own). */
    public static final String INVALID_TOKEN = "Bearer realm=\"MP-JWT\", error=\"invalid_token\"";

    private BearerChallenges() {
    }

    /** A verified token without the scopes: the scopes that would do, sorted, space-separated. */
    public static String insufficientScope(Collection<String> scopes) {
        return "Bearer error=\"insufficient_scope\", scope=\"" + String.join(" ", new TreeSet<>(scopes)) + "\"";
    }

    /**
     * The challenge of a 401 that the container's own authentication made before any filter ran (Payara's MP-JWT
     * mechanism refuses a token it cannot verify itself, with no challenge at all): a request that presented a
     * bearer token gets {@link #INVALID_TOKEN}, exactly as when Bulwark refuses the token, unless the container set
     * another scheme's challenge; null when the response's challenge stays as it is.
     *
     * @param status        the container's error status
     * @param presentsToken the request presented credentials Bulwark refuses as a token (a bearer token, or a
     *                      malformed one)
     * @param existing      the challenge already on the response, or null
     */
    public static String ofContainerRefusal(int status, boolean presentsToken, String existing) {
        if (status != 401 || !presentsToken || existing != null && !isBearer(existing)) {
            return null;
        }
        return INVALID_TOKEN;
    }

    /** True when a challenge or an Authorization value is of the Bearer scheme. */
    public static boolean isBearer(String value) {
        return value != null && value.regionMatches(true, 0, "Bearer", 0, 6)
                && (value.length() == 6 || value.charAt(6) == ' ');
    }
}
