package dev.bulwark.config;

import dev.bulwark.logging.SafeLog;
import dev.bulwark.validation.JsonLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads every {@link ConfigKeys key} from a source (MicroProfile Config in a server, a map in tests), parses and
 * validates it, and collects every problem instead of stopping at the first.
 */
public final class ConfigLoader {

    /** The outcome: a usable config when {@link #problems()} is empty. */
    public record Result(BulwarkConfig config, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Function<String, Optional<String>> source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigLoader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static Result load(Function<String, Optional<String>> source) {
        return load(source, List.of());
    }

    /**
     * @param names every property name the source knows: a {@code bulwark.*} name that is no Bulwark key (a typo
     *              such as {@code bulwark.cors.allowed-origin}) is a problem naming the closest known key, never
     *              silently ignored
     */
    public static Result load(Function<String, Optional<String>> source, Iterable<String> names) {
        ConfigLoader loader = new ConfigLoader(source);
        BulwarkConfig config = loader.read();
        loader.unknownKeys(names);
        return new Result(config, List.copyOf(loader.problems));
    }

    private void unknownKeys(Iterable<String> names) {
        java.util.Set<String> known = new java.util.HashSet<>();
        java.util.Map<String, String> environment = new java.util.HashMap<>();
        for (Key<?> k : ConfigKeys.ALL) {
            known.add(k.name());
            environment.put(environmentName(k.name()), k.name());
        }
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String name : names) {
            if (name == null) {
                continue;
            }
            boolean dotted = name.regionMatches(true, 0, "bulwark.", 0, 8) && !known.contains(name)
                    && !environmentAlias(name, environment.keySet());
            boolean env = name.regionMatches(true, 0, "BULWARK_", 0, 8) && !environment.containsKey(name);
            if (dotted || env) {
                seen.add(name);
            }
        }
        for (String name : seen) {
            String closest = name.indexOf('.') >= 0 ? KeyNames.closest(name.toLowerCase(java.util.Locale.ROOT), known)
                    : environment.get(KeyNames.closest(name.toUpperCase(java.util.Locale.ROOT), environment.keySet()));
            problems.add(new ConfigProblem(SafeLog.printable(name, 120), "is not a Bulwark setting",
                    "a key from docs/configuration.md; did you mean '" + closest + "'"
                            + (name.indexOf('.') >= 0 ? "" : " (environment variable " + environmentName(closest) + ")")
                            + "?"));
        }
    }

    /**
     * Liberty also reports each environment variable under a lower-case dotted name ({@code BULWARK_JWT_MAX_LIFETIME}
     * as {@code bulwark.jwt.max.lifetime}): such a name stands for the variable, which is checked under its own name.
     */
    private static boolean environmentAlias(String name, java.util.Set<String> environmentNames) {
        String variable = environmentName(name);
        return environmentNames.contains(variable)
                && name.equals(variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.'));
    }

    /** The environment-variable spelling MicroProfile Config maps to a key: {@code BULWARK_JWT_MAX_LIFETIME}. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    private BulwarkConfig read() {
        return new BulwarkConfig(
                get(ConfigKeys.ENABLED),
                new BulwarkConfig.Errors(get(ConfigKeys.ERRORS_TYPE_BASE), get(ConfigKeys.ERRORS_CLIENT_LOG_LEVEL),
                        get(ConfigKeys.ERRORS_SUMMARY_INTERVAL)),
                new BulwarkConfig.Correlation(get(ConfigKeys.CORRELATION_TRUST_INCOMING),
                        get(ConfigKeys.CORRELATION_HEADER)),
                new BulwarkConfig.Inventory(get(ConfigKeys.INVENTORY_LOG), get(ConfigKeys.INVENTORY_ENDPOINT_ENABLED),
                        get(ConfigKeys.INVENTORY_ENDPOINT_PATH), get(ConfigKeys.INVENTORY_ENDPOINT_ROLE)),
                new BulwarkConfig.Transport(get(ConfigKeys.TRUSTED_PROXIES), get(ConfigKeys.HTTPS_ONLY),
                        get(ConfigKeys.REDIRECT_PATHS), get(ConfigKeys.HTTPS_PORT), get(ConfigKeys.ALLOWED_HOSTS)),
                headers(),
                cors(),
                new BulwarkConfig.Methods(get(ConfigKeys.METHODS_ALLOWED), get(ConfigKeys.METHODS_ALLOW_OVERRIDE)),
                new BulwarkConfig.Validation(new JsonLimits(get(ConfigKeys.MAX_BODY_BYTES), get(ConfigKeys.JSON_MAX_DEPTH),
                        get(ConfigKeys.JSON_MAX_ARRAY), get(ConfigKeys.JSON_MAX_ENTRIES), maxStringLength(),
                        get(ConfigKeys.JSON_MAX_KEY), get(ConfigKeys.JSON_MAX_NUMBER)), get(ConfigKeys.REJECT_UNKNOWN),
                        get(ConfigKeys.REJECT_MISMATCHED_TYPES), get(ConfigKeys.REJECT_CONTROLS),
                        get(ConfigKeys.REJECT_BIDI), get(ConfigKeys.CHECKED_HEADERS), get(ConfigKeys.CONTENT_ENCODINGS),
                        get(ConfigKeys.ALLOW_BALANCED_ISOLATES)),
                jwt(),
                new BulwarkConfig.Authz(get(ConfigKeys.AUTHZ_STRICT), Integer.parseInt(get(ConfigKeys.AUTHZ_DENIED_STATUS)),
                        get(ConfigKeys.AUTHZ_SCOPE_CLAIM)),
                new BulwarkConfig.RateLimiting(get(ConfigKeys.RATELIMIT_ENABLED), get(ConfigKeys.RATELIMIT_ANONYMOUS),
                        get(ConfigKeys.RATELIMIT_AUTHENTICATED), get(ConfigKeys.RATELIMIT_REFUSED),
                        get(ConfigKeys.RATELIMIT_REFUSED_EXEMPT), get(ConfigKeys.RATELIMIT_MAX_KEYS),
                        get(ConfigKeys.RATELIMIT_API_KEY_HEADER), get(ConfigKeys.RATELIMIT_HEADERS),
                        get(ConfigKeys.RATELIMIT_STORE), get(ConfigKeys.RATELIMIT_REDIS_URL),
                        get(ConfigKeys.RATELIMIT_REDIS_TIMEOUT), get(ConfigKeys.RATELIMIT_REDIS_FALLBACK),
                        get(ConfigKeys.RATELIMIT_REDIS_PREFIX)));
    }

    /** The configured string limit, or none of its own (the body limit in effect bounds strings) when unset. */
    private int maxStringLength() {
        Integer configured = get(ConfigKeys.JSON_MAX_STRING);
        return configured == null ? JsonLimits.BOUNDED_BY_BODY : configured;
    }

    /** MicroProfile JWT keys that Bulwark reads (it never sets them). */
    public static final String MP_ISSUER = "mp.jwt.verify.issuer";
    public static final String MP_AUDIENCES = "mp.jwt.verify.audiences";
    public static final String MP_PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String MP_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    public static final String MP_ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    public static final String MP_CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    public static final String MP_TOKEN_HEADER = "mp.jwt.token.header";
    public static final String MP_TOKEN_COOKIE = "mp.jwt.token.cookie";

    /** The JWKS URL when the verification key is remote (HTTP or HTTPS), else null. */
    private java.net.URI remoteKeys() {
        Optional<String> location = source.apply(MP_PUBLIC_KEY_LOCATION).map(String::strip);
        if (location.isEmpty() || !(location.get().startsWith("http://") || location.get().startsWith("https://"))) {
            return null;
        }
        try {
            return new java.net.URI(location.get());
        } catch (java.net.URISyntaxException e) {
            problems.add(new ConfigProblem(MP_PUBLIC_KEY_LOCATION, "is not a valid URL", "an http(s) URL of a JWKS"));
            return null;
        }
    }

    private BulwarkConfig.Jwt jwt() {
        boolean inUse = source.apply(MP_PUBLIC_KEY).isPresent() || source.apply(MP_PUBLIC_KEY_LOCATION).isPresent();
        String issuer = source.apply(MP_ISSUER).map(String::strip).orElse(null);
        List<String> audiences = new ArrayList<>();
        source.apply(MP_AUDIENCES).ifPresent(a -> {
            for (String part : a.split(",")) {
                if (!part.isBlank()) {
                    audiences.add(part.strip());
                }
            }
        });
        java.time.Duration maxLifetime = get(ConfigKeys.JWT_MAX_LIFETIME);
        java.time.Duration maxAge = get(ConfigKeys.JWT_MAX_AGE);
        return new BulwarkConfig.Jwt(inUse, issuer, audiences, get(ConfigKeys.JWT_ALGORITHMS),
                get(ConfigKeys.JWT_CLOCK_SKEW), maxLifetime, maxAge == null ? maxLifetime : maxAge,
                get(ConfigKeys.JWT_REQUIRE_AT_JWT), get(ConfigKeys.JWT_REQUIRE_JTI), get(ConfigKeys.JWT_DENY_LIST_MAX),
                remoteKeys(), get(ConfigKeys.JWT_JWKS_MAX_AGE), get(ConfigKeys.JWT_JWKS_COOLDOWN),
                new BulwarkConfig.JwtLint(get(ConfigKeys.JWT_LINT_MISSING_ISSUER),
                        get(ConfigKeys.JWT_LINT_MISSING_AUDIENCE), get(ConfigKeys.JWT_LINT_HMAC),
                        get(ConfigKeys.JWT_LINT_LONG_SKEW), get(ConfigKeys.JWT_LINT_WEAK_RSA)),
                get(ConfigKeys.JWT_OTHER_SCHEMES), get(ConfigKeys.JWT_QUERY_TOKEN_PARAMETERS), tokenCookie());
    }

    /** The cookie MicroProfile JWT reads the token from ({@code mp.jwt.token.header=Cookie}), else null. */
    private String tokenCookie() {
        Optional<String> header = source.apply(MP_TOKEN_HEADER).map(String::strip);
        if (header.isEmpty() || header.get().equalsIgnoreCase("Authorization")) {
            return null;
        }
        if (!header.get().equalsIgnoreCase("Cookie")) {
            problems.add(new ConfigProblem(MP_TOKEN_HEADER, "names a header Bulwark cannot check: '"
                    + SafeLog.printable(header.get(), 40) + "'", "Authorization or Cookie (MicroProfile JWT 2.1)"));
            return null;
        }
        String cookie = source.apply(MP_TOKEN_COOKIE).map(String::strip).orElse("Bearer");
        if (!cookie.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}")) {
            problems.add(new ConfigProblem(MP_TOKEN_COOKIE, "is not a valid cookie name", "a cookie name"));
            return null;
        }
        return cookie;
    }

    private BulwarkConfig.Headers headers() {
        List<BulwarkConfig.HeaderValue> always = new ArrayList<>();
        addHeader(always, "Content-Security-Policy", ConfigKeys.HEADER_CSP);
        addHeader(always, "X-Content-Type-Options", ConfigKeys.HEADER_NOSNIFF);
        addHeader(always, "X-Frame-Options", ConfigKeys.HEADER_FRAME_OPTIONS);
        addHeader(always, "Referrer-Policy", ConfigKeys.HEADER_REFERRER_POLICY);
        addHeader(always, "Cross-Origin-Opener-Policy", ConfigKeys.HEADER_COOP);
        addHeader(always, "Cross-Origin-Resource-Policy", ConfigKeys.HEADER_CORP);
        addHeader(always, "Permissions-Policy", ConfigKeys.HEADER_PERMISSIONS_POLICY);
        addHeader(always, "X-Permitted-Cross-Domain-Policies", ConfigKeys.HEADER_CROSS_DOMAIN);
        return new BulwarkConfig.Headers(always, get(ConfigKeys.HEADER_HSTS), get(ConfigKeys.HEADER_CACHE_CONTROL));
    }

    private void addHeader(List<BulwarkConfig.HeaderValue> headers, String name, Key<String> key) {
        String value = get(key);
        if (value != null) {
            headers.add(new BulwarkConfig.HeaderValue(name, value));
        }
    }

    private BulwarkConfig.Cors cors() {
        List<String> origins = get(ConfigKeys.CORS_ORIGINS);
        boolean credentials = get(ConfigKeys.CORS_CREDENTIALS);
        if (origins.contains("*") && (origins.size() > 1 || credentials)) {
            problems.add(new ConfigProblem(ConfigKeys.CORS_ORIGINS.name(),
                    "'*' must stand alone and cannot be combined with bulwark.cors.allow-credentials=true",
                    "exact origins when credentials are allowed"));
        }
        return new BulwarkConfig.Cors(origins, get(ConfigKeys.CORS_METHODS), get(ConfigKeys.CORS_HEADERS),
                get(ConfigKeys.CORS_EXPOSED), credentials, get(ConfigKeys.CORS_MAX_AGE));
    }

    private <T> T get(Key<T> key) {
        Optional<String> raw = source.apply(key.name());
        T fallback = parseDefault(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return key.parser().parse(raw.get());
        } catch (InvalidValueException e) {
            String problem = key.secret() ? e.getMessage() : e.getMessage() + ": '" + SafeLog.printable(raw.get(), 80) + "'";
            problems.add(new ConfigProblem(key.name(), problem, key.parser().acceptedForm()));
            return fallback;
        }
    }

    private static <T> T parseDefault(Key<T> key) {
        try {
            return key.defaultValue() == null ? null : key.parser().parse(key.defaultValue());
        } catch (InvalidValueException e) {
            throw new IllegalStateException("Bulwark bug: the default of " + key.name() + " is invalid", e);
        }
    }
}
