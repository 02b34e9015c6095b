package dev.bulwark.internal.auth;

import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/**
 * The MicroProfile JWT keys Bulwark reads (it never sets them): they say whether tokens are in use, what the
 * token policy checks besides the container, and what the deployment-time lint refuses. Their values are
 * MicroProfile JWT's to interpret, so they are read as text.
 */
public final class MpJwtKeys {

    public static final Key<String> ISSUER = new Key<>("mp.jwt.verify.issuer", Parsers.text(), null,
            "The issuer a token's `iss` must equal; Bulwark checks it too. Unset fails the deployment unless "
                    + "`bulwark.jwt.lint.allow-missing-issuer=true`.",
            "https://idp.example.com/realms/api");

    public static final Key<String> AUDIENCES = new Key<>("mp.jwt.verify.audiences", Parsers.text(), null,
            "Comma-separated audiences; a token's `aud` must hold one of them. Unset fails the deployment unless "
                    + "`bulwark.jwt.lint.allow-missing-audience=true`.",
            "orders-api");

    public static final Key<String> PUBLIC_KEY = new Key<>("mp.jwt.verify.publickey", Parsers.text(), null,
            "The verification key inline (PEM or JWKS). When it or `mp.jwt.verify.publickey.location` is set,"
                    + " MicroProfile JWT is in use and Bulwark checks bearer tokens. Its RSA keys must have 2048"
                    + " bits or more unless `bulwark.jwt.lint.allow-weak-rsa=true`.",
            "-----BEGIN PUBLIC KEY----- ...");

    public static final Key<String> PUBLIC_KEY_LOCATION = new Key<>("mp.jwt.verify.publickey.location",
            Parsers.text(), null,
            "Where the verification key is: a class-path resource or file (its RSA key sizes are checked at"
                    + " deployment), or the HTTP(S) URL of a JWKS, whose published keys Bulwark follows"
                    + " (`bulwark.jwt.jwks.*`).",
            "https://idp.example.com/realms/api/protocol/openid-connect/certs");

    public static final Key<String> ALGORITHM = new Key<>("mp.jwt.verify.publickey.algorithm", Parsers.text(), null,
            "The container's signature algorithm: must be one of `bulwark.jwt.algorithms`; an HS* value fails the"
                    + " deployment unless `bulwark.jwt.lint.allow-hmac=true`.",
            "RS256");

    public static final Key<String> CLOCK_SKEW = new Key<>("mp.jwt.verify.clock.skew", Parsers.text(), null,
            "The container's clock skew in seconds: above 60 fails the deployment unless"
                    + " `bulwark.jwt.lint.allow-long-skew=true`.",
            "30");

    public static final Key<String> TOKEN_HEADER = new Key<>("mp.jwt.token.header", Parsers.text(), "Authorization",
            "Where the token travels: `Authorization` or `Cookie`. Any other header fails the deployment, as"
                    + " Bulwark could not check it.",
            "Cookie");

    public static final Key<String> TOKEN_COOKIE = new Key<>("mp.jwt.token.cookie", Parsers.text(), "Bearer",
            "With `mp.jwt.token.header=Cookie`: the cookie holding the token (a cookie name).", "access_token");

    /** Every MicroProfile JWT key Bulwark reads. */
    public static final List<Key<?>> ALL = List.of(ISSUER, AUDIENCES, PUBLIC_KEY, PUBLIC_KEY_LOCATION, ALGORITHM,
            CLOCK_SKEW, TOKEN_HEADER, TOKEN_COOKIE);

    private MpJwtKeys() {
    }
}
