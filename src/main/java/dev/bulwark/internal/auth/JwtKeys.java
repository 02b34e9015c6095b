package dev.bulwark.internal.auth;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.logging.SafeLog;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of bearer-token checks and of the deployment-time JWT lint ({@code bulwark.jwt.*}), read together with
 * the {@link MpJwtKeys MicroProfile JWT keys} they complete.
 */
public final class JwtKeys implements ConfigConcern<JwtSettings> {

    public static final Key<List<String>> ALGORITHMS = new Key<>("bulwark.jwt.algorithms",
            Parsers.listOf(Parsers.enumNames("RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384",
                    "PS512", "EdDSA", "HS256", "HS384", "HS512"), "JWS algorithms"),
            "RS256, ES256",
            "Signature algorithms a token may use (checked on the token header, besides the container's "
                    + "own check). Anything beyond RS256/ES256 (RS384/512, ES384/512, PS256/384/512, EdDSA) is an "
                    + "explicit opt-in, logged at start-up; HS256/384/512 fail the deployment unless "
                    + "`bulwark.jwt.lint.allow-hmac=true`. See [authentication.md](authentication.md).",
            "RS256, PS256");

    public static final Key<Duration> CLOCK_SKEW = new Key<>("bulwark.jwt.clock-skew",
            Parsers.duration(Duration.ZERO, Duration.ofMinutes(5)), "60s",
            "Clock skew allowed on `exp`, `nbf` and `iat`. Above 60s fails the deployment unless "
                    + "`bulwark.jwt.lint.allow-long-skew=true`.",
            "30s");

    public static final Key<Duration> MAX_LIFETIME = new Key<>("bulwark.jwt.max-lifetime",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofHours(24)), "90m",
            "Longest token lifetime (`exp - iat`) accepted. The default accepts the default access tokens "
                    + "of mainstream providers (Keycloak 5 minutes; Okta, Google and Cognito 1 hour; Entra ID 60 to "
                    + "90 minutes) and still refuses day-long tokens. A refusal logs which key to change.",
            "30m");

    public static final Key<Duration> MAX_AGE = new Key<>("bulwark.jwt.max-age",
            Parsers.duration(Duration.ofMinutes(1), Duration.ofHours(24)), null,
            "Oldest token (`now - iat`) accepted, whatever its `exp`. Unset: the value of "
                    + "`bulwark.jwt.max-lifetime`, so raising that key alone never yields tokens that stop working "
                    + "before they expire. Set it lower only on purpose.",
            "10m");

    public static final Key<List<String>> OTHER_SCHEMES = new Key<>("bulwark.jwt.other-schemes",
            Parsers.listOf(Parsers.authScheme(), "authentication schemes"), "Basic, Digest, Negotiate",
            "`Authorization` schemes besides `Bearer` that reach the container untouched; they never make "
                    + "a caller a token holder. Any other `Authorization` value (a scheme-less token, `Token ...`, "
                    + "`JWT ...`, several headers) is refused with the uniform 401 while MicroProfile JWT is in use. "
                    + "`Bearer` cannot be listed. See [authentication.md](authentication.md).",
            "Basic");

    public static final Key<List<String>> QUERY_TOKEN_PARAMETERS = new Key<>("bulwark.jwt.query-token-parameters",
            Parsers.listOf(Parsers.claimName(), "query parameter names"), "access_token",
            "Query parameters in which a compact JWS/JWE is refused as a leaked bearer token (401). Other "
                    + "values of these parameters and every other parameter pass, so reset and verification links "
                    + "(`?token=...`) keep working. Empty: none.",
            "access_token, jwt");

    public static final Key<Boolean> REQUIRE_AT_JWT = new Key<>("bulwark.jwt.require-at-jwt", Parsers.bool(),
            "false", "Strict RFC 9068: the token header must say `typ: at+jwt` (`JWT` is refused too).", "true");

    public static final Key<Boolean> REQUIRE_JTI = new Key<>("bulwark.jwt.require-jti", Parsers.bool(), "false",
            "Refuse tokens without a `jti` (needed when every token must be revocable or single-use).", "true");

    public static final Key<Integer> DENY_LIST_MAX = new Key<>("bulwark.jwt.deny-list.max-entries",
            Parsers.intRange(1, 10_000_000), "100000",
            "Capacity of the default in-memory `jti` deny-list (entries leave when their token expires).", "1000000");

    public static final Key<Integer> VERIFIED_TOKENS_MAX = new Key<>("bulwark.jwt.verified-tokens.max-entries",
            Parsers.intRange(0, 100_000), "1024",
            "How many tokens the container verified lately Bulwark keeps as read (until each one's `exp`), so that "
                    + "a caller's next requests with the same token skip decoding and parsing it again. Every check "
                    + "(times, deny-list, issuer, audience, algorithm, published key) still runs on every request, "
                    + "and the container still verifies the signature. A token whose read form is estimated above "
                    + "24 KB is not kept, so the cache holds at most 24 KB a token (24 MB with the default; "
                    + "mainstream access tokens take 4 to 15 KB). Raise it when more distinct tokens than this are "
                    + "in use at once per application; 0 keeps none.",
            "4096");

    public static final Key<Duration> JWKS_MAX_AGE = new Key<>("bulwark.jwt.jwks.max-age",
            Parsers.duration(Duration.ZERO, Duration.ofHours(24)), "5m",
            "With a remote JWKS (`" + MpJwtKeys.PUBLIC_KEY_LOCATION.name() + "` over HTTP(S)): how long Bulwark"
                    + " trusts its view of the published signing keys. A token whose `kid` is no longer published is "
                    + "refused, even if the container still caches the key. The check that finds the view older than "
                    + "this starts a refetch in the background and is answered from the view it has (a known `kid` "
                    + "never waits for the identity provider).",
            "1m");

    public static final Key<Duration> JWKS_COOLDOWN = new Key<>("bulwark.jwt.jwks.refresh-cooldown",
            Parsers.duration(Duration.ZERO, Duration.ofHours(1)), "30s",
            "Least time between two refetches of the remote JWKS triggered by tokens naming unknown keys.", "10s");

    public static final Key<Boolean> LINT_MISSING_ISSUER = new Key<>("bulwark.jwt.lint.allow-missing-issuer",
            Parsers.bool(), "false", "Opt-out (logged): deploy without `" + MpJwtKeys.ISSUER.name() + "`.", "true");

    public static final Key<Boolean> LINT_MISSING_AUDIENCE = new Key<>("bulwark.jwt.lint.allow-missing-audience",
            Parsers.bool(), "false", "Opt-out (logged): deploy without `" + MpJwtKeys.AUDIENCES.name() + "`.",
            "true");

    public static final Key<Boolean> LINT_HMAC = new Key<>("bulwark.jwt.lint.allow-hmac", Parsers.bool(), "false",
            "Opt-out (logged): allow HS256/384/512 (a shared secret instead of a key pair).", "true");

    public static final Key<Boolean> LINT_LONG_SKEW = new Key<>("bulwark.jwt.lint.allow-long-skew", Parsers.bool(),
            "false",
            "Opt-out (logged): allow a clock skew above 60s (Bulwark's or `" + MpJwtKeys.CLOCK_SKEW.name() + "`).",
            "true");

    public static final Key<Boolean> LINT_WEAK_RSA = new Key<>("bulwark.jwt.lint.allow-weak-rsa", Parsers.bool(),
            "false", "Opt-out (logged): allow a configured RSA verification key shorter than 2048 bits.", "true");

    public static final JwtKeys CONCERN = new JwtKeys();

    private JwtKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        List<Key<?>> keys = new ArrayList<>(List.of(ALGORITHMS, CLOCK_SKEW, MAX_LIFETIME, MAX_AGE, OTHER_SCHEMES,
                QUERY_TOKEN_PARAMETERS, REQUIRE_AT_JWT, REQUIRE_JTI, DENY_LIST_MAX, VERIFIED_TOKENS_MAX, JWKS_MAX_AGE, JWKS_COOLDOWN,
                LINT_MISSING_ISSUER, LINT_MISSING_AUDIENCE, LINT_HMAC, LINT_LONG_SKEW, LINT_WEAK_RSA));
        keys.addAll(MpJwtKeys.ALL);
        return List.copyOf(keys);
    }

    @Override
    public JwtSettings read(ConfigReader reader) {
        boolean inUse = reader.isSet(MpJwtKeys.PUBLIC_KEY) || reader.isSet(MpJwtKeys.PUBLIC_KEY_LOCATION);
        List<String> audiences = new ArrayList<>();
        String configuredAudiences = reader.get(MpJwtKeys.AUDIENCES);
        if (configuredAudiences != null) {
            for (String part : configuredAudiences.split(",")) {
                if (!part.isBlank()) {
                    audiences.add(part.strip());
                }
            }
        }
        Duration maxLifetime = reader.get(MAX_LIFETIME);
        Duration maxAge = reader.get(MAX_AGE);
        JwtLintSettings lint = new JwtLintSettings(reader.get(LINT_MISSING_ISSUER), reader.get(LINT_MISSING_AUDIENCE),
                reader.get(LINT_HMAC), reader.get(LINT_LONG_SKEW), reader.get(LINT_WEAK_RSA));
        return new JwtSettings(inUse, reader.get(MpJwtKeys.ISSUER), audiences, reader.get(ALGORITHMS),
                reader.get(CLOCK_SKEW), maxLifetime, maxAge == null ? maxLifetime : maxAge, reader.get(REQUIRE_AT_JWT),
                reader.get(REQUIRE_JTI), reader.get(DENY_LIST_MAX), remoteKeys(reader), reader.get(JWKS_MAX_AGE),
                reader.get(JWKS_COOLDOWN), lint, reader.get(OTHER_SCHEMES), reader.get(QUERY_TOKEN_PARAMETERS),
                tokenCookie(reader), reader.get(VERIFIED_TOKENS_MAX));
    }

    /** The JWKS URL when the verification key is remote (HTTP or HTTPS), else null. */
    private static URI remoteKeys(ConfigReader reader) {
        String location = reader.get(MpJwtKeys.PUBLIC_KEY_LOCATION);
        if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return null;
        }
        try {
            return new URI(location);
        } catch (URISyntaxException e) {
            reader.problem(MpJwtKeys.PUBLIC_KEY_LOCATION, "is not a valid URL", "an http(s) URL of a JWKS");
            return null;
        }
    }

    /** The cookie MicroProfile JWT reads the token from ({@code mp.jwt.token.header=Cookie}), else null. */
    private static String tokenCookie(ConfigReader reader) {
        String header = reader.get(MpJwtKeys.TOKEN_HEADER);
        if (header.equalsIgnoreCase("Authorization")) {
            return null;
        }
        if (!header.equalsIgnoreCase("Cookie")) {
            reader.problem(MpJwtKeys.TOKEN_HEADER, "names a header Bulwark cannot check: '"
                    + SafeLog.printable(header, 40) + "'", "Authorization or Cookie (MicroProfile JWT 2.1)");
            return null;
        }
        String cookie = reader.get(MpJwtKeys.TOKEN_COOKIE);
        if (!cookie.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}")) {
            reader.problem(MpJwtKeys.TOKEN_COOKIE, "is not a valid cookie name", "a cookie name");
            return null;
        }
        return cookie;
    }
}
