package dev.bulwark.internal.auth;

import dev.bulwark.api.TokenDenyList;
import dev.bulwark.internal.text.TextChecks;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Bulwark's rules for an access token beyond what MicroProfile JWT verifies (RFC 8725, RFC 9068): an allowed
 * algorithm, an access-token type, no header that could point at other keys or demand unknown processing, the
 * exact issuer, audience by exact membership, every required claim with the right JSON type, Bulwark's own
 * clock skew, a bounded lifetime and age, and the deny-list. Runs on a token whose signature the container has
 * verified; every failure is a {@link TokenRejected} whose reason only the server log sees.
 */
public final class TokenPolicy {

    /** Header parameters that point at keys or demand processing Bulwark does not do: never accepted. */
    static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit", "b64", "zip");
    /** Longest key id accepted (an Azure Key Vault key URL with its version is about 120 characters). */
    static final int MAX_KID_LENGTH = 512;

    private final JwtSettings config;

    public TokenPolicy(JwtSettings config) {
        this.config = config;
    }

    public void check(RawToken token, Instant now, TokenDenyList denyList) throws TokenRejected {
        checkContent(token);
        checkNow(token, now, denyList);
    }

    /**
     * The rules that depend on the token alone (header, issuer, subject, audience, type, groups): a token that passed
     * them once passes them again under the same configuration.
     */
    void checkContent(RawToken token) throws TokenRejected {
        checkHeader(token.header());
        JsonObject c = token.claims();
        String issuer = string(c, "iss", true);
        if (config.issuer() != null && !config.issuer().equals(issuer)) {
            throw new TokenRejected("issuer '" + printable(issuer) + "' is not the configured '"
                    + printable(config.issuer()) + "' (mp.jwt.verify.issuer)");
        }
        String subject = string(c, "sub", true);
        if (subject.isBlank()) {
            throw new TokenRejected("blank subject");
        }
        checkAudience(c.get("aud"));
        checkType(c);
        checkGroups(c.get("groups"));
    }

    /** The rules that depend on the moment: the token's times, and the deny-list. */
    public void checkNow(RawToken token, Instant now, TokenDenyList denyList) throws TokenRejected {
        JsonObject c = token.claims();
        checkTimes(c, now);
        String jti = string(c, "jti", config.requireJti());
        if (jti != null && denyList != null && denyList.isDenied(jti)) {
            throw new TokenRejected("token id is on the deny-list");
        }
    }

    private void checkHeader(JsonObject h) throws TokenRejected {
        String alg = string(h, "alg", true);
        if (!config.algorithms().contains(alg)) {
            throw new TokenRejected("algorithm " + printable(alg) + " is not allowed");
        }
        for (String name : FORBIDDEN_HEADERS) {
            if (h.containsKey(name)) {
                throw new TokenRejected("header parameter '" + name + "' is not accepted");
            }
        }
        String typ = string(h, "typ", config.requireAtJwt());
        if (typ != null) {
            String t = typ.toLowerCase(Locale.ROOT);
            boolean accessToken = t.equals("at+jwt") || t.equals("application/at+jwt");
            if (!accessToken && (config.requireAtJwt() || !t.equals("jwt"))) {
                throw new TokenRejected("token type " + printable(typ) + " is not an access token");
            }
        }
        String kid = string(h, "kid", false);
        if (kid != null && !acceptableKeyId(kid)) {
            throw new TokenRejected("unacceptable key id (empty, longer than " + MAX_KID_LENGTH
                    + " characters, or with control or format characters)");
        }
    }

    /**
     * A key id is only ever compared with the ids of trusted keys, never used as a path, a URL or a query, so any
     * printable text is acceptable (cloud key services use ARNs and URLs: {@code arn:aws:kms:...:key/...},
     * {@code https://vault.vault.azure.net/keys/k/v}); control, format and unpaired surrogate characters are not.
     */
    static boolean acceptableKeyId(String kid) {
        if (kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            return false;
        }
        for (int i = 0; i < kid.length(); i++) {
            char c = kid.charAt(i);
            if (TextChecks.isInvisible(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < kid.length()
                        && Character.isLowSurrogate(kid.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
        }
        return true;
    }

    private void checkAudience(JsonValue aud) throws TokenRejected {
        if (aud == null) {
            throw new TokenRejected("missing claim aud");
        }
        boolean match = false;
        if (aud instanceof JsonString s) {
            match = config.audiences().contains(s.getString());
        } else if (aud instanceof JsonArray a && !a.isEmpty()) {
            for (JsonValue v : a) {
                if (!(v instanceof JsonString s)) {
                    throw new TokenRejected("aud holds a non-string");
                }
                match |= config.audiences().contains(s.getString());
            }
        } else {
            throw new TokenRejected("aud is neither a string nor an array of strings");
        }
        if (!config.audiences().isEmpty() && !match) {
            throw new TokenRejected("audience " + printable(aud.toString()) + " holds none of " + config.audiences()
                    + " (mp.jwt.verify.audiences)");
        }
    }

    private void checkTimes(JsonObject c, Instant now) throws TokenRejected {
        long skew = config.clockSkew().toSeconds();
        long t = now.getEpochSecond();
        long exp = time(c, "exp");
        long iat = time(c, "iat");
        Long nbf = c.containsKey("nbf") ? time(c, "nbf") : null;
        if (t > exp + skew) {
            throw new TokenRejected("expired");
        }
        if (nbf != null && nbf > t + skew) {
            throw new TokenRejected("not valid yet (nbf)");
        }
        if (iat > t + skew) {
            throw new TokenRejected("issued in the future (iat)");
        }
        if (exp - iat > config.maxLifetime().toSeconds()) {
            throw new TokenRejected("lifetime exp - iat of " + (exp - iat) + " s is longer than "
                    + config.maxLifetime() + " (raise bulwark.jwt.max-lifetime if your identity provider issues such"
                    + " tokens on purpose)");
        }
        if (t - iat > config.maxAge().toSeconds() + skew) {
            throw new TokenRejected("issued " + (t - iat) + " s ago, older than " + config.maxAge()
                    + " (bulwark.jwt.max-age)");
        }
    }

    /** Identity-provider specific type claims (Keycloak: Bearer, ID, Refresh, Logout): only access tokens pass. */
    private static void checkType(JsonObject c) throws TokenRejected {
        JsonValue typ = c.get("typ");
        if (typ != null && !(typ instanceof JsonString s && s.getString().equalsIgnoreCase("Bearer"))) {
            throw new TokenRejected("typ claim says this is not an access token");
        }
    }

    /**
     * MicroProfile JWT's {@code groups} (the caller's roles) is an array of strings when present. A bare string is
     * refused rather than read as one role: runtimes disagree on it (one role, no role, or an error), and a role
     * check must not depend on which runtime reads the token.
     */
    private static void checkGroups(JsonValue groups) throws TokenRejected {
        if (groups == null) {
            return;
        }
        if (!(groups instanceof JsonArray a)) {
            throw new TokenRejected("groups is not an array of strings");
        }
        for (JsonValue v : a) {
            if (!(v instanceof JsonString)) {
                throw new TokenRejected("groups holds a non-string");
            }
        }
    }

    private static String string(JsonObject o, String name, boolean required) throws TokenRejected {
        JsonValue v = o.get(name);
        if (v == null) {
            if (required) {
                throw new TokenRejected("missing " + name);
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new TokenRejected(name + " is not a string");
        }
        return s.getString();
    }

    /** Latest instant a time claim may name: the end of year 9999 (RFC 7519 NumericDate, as every IdP writes it). */
    static final long MAX_TIME = 253_402_300_799L;

    /**
     * A required time claim between 1970 and {@link #MAX_TIME}, so that every difference of two of them (lifetime,
     * age) is exact: a token with {@code iat} near Long.MIN_VALUE must not overflow its way past the lifetime limit.
     */
    private static long time(JsonObject o, String name) throws TokenRejected {
        long value = seconds(o, name, true);
        if (value < 0 || value > MAX_TIME) {
            throw new TokenRejected(name + " is outside 1970 to 9999");
        }
        return value;
    }

    private static long seconds(JsonObject o, String name, boolean required) throws TokenRejected {
        JsonValue v = o.get(name);
        if (v == null) {
            if (required) {
                throw new TokenRejected("missing claim " + name);
            }
            return 0;
        }
        if (!(v instanceof JsonNumber n)) {
            throw new TokenRejected(name + " is not a number");
        }
        try {
            return n.bigDecimalValue().setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        } catch (ArithmeticException e) {
            throw new TokenRejected(name + " is out of range");
        }
    }

    private static String printable(String s) {
        return dev.bulwark.internal.logging.SafeLog.printable(s, 40);
    }
}
