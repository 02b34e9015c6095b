package dev.bulwark.internal.apikeys;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The keys of API keys for machine clients ({@code bulwark.apikeys.*}). */
public final class ApiKeyKeys implements ConfigConcern<ApiKeySettings> {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.apikeys.enabled", Parsers.bool(), "false",
            "API keys authenticate machine clients as their owner, next to bearer tokens: roles, scopes, "
                    + "`@OwnedBy` and rate limits work unchanged. Needs `bulwark.apikeys.pepper` and a store. See "
                    + "[api-keys.md](api-keys.md).",
            "true");

    public static final Key<ApiKeyStoreKind> STORE = new Key<>("bulwark.apikeys.store",
            Parsers.enumOf(ApiKeyStoreKind.class), "FILE",
            "Where the keys' hashes live: FILE (`bulwark.apikeys.file`), JDBC (`bulwark.apikeys.jdbc.datasource`) "
                    + "or CUSTOM (the application's `dev.bulwark.api.ApiKeyStore` CDI bean).",
            "JDBC");

    public static final Key<String> FILE = new Key<>("bulwark.apikeys.file", Parsers.text(), null,
            "The key file of `bulwark.apikeys.store=FILE` (written by the command-line tool; hashes only). Read "
                    + "again when it changes, at most once per `bulwark.apikeys.cache-ttl`.",
            "/etc/bulwark/api-keys.properties");

    public static final Key<String> DATASOURCE = new Key<>("bulwark.apikeys.jdbc.datasource", Parsers.text(), null,
            "JNDI name of the data source of `bulwark.apikeys.store=JDBC`; the table is created when missing.",
            "java:app/jdbc/keys");

    public static final Key<String> TABLE = new Key<>("bulwark.apikeys.jdbc.table",
            Parsers.of("SQL table name", "a table name (letters, digits and _, at most 64, starting with a letter)",
                    raw -> {
                        if (!raw.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                            throw new InvalidValueException("not a plain table name");
                        }
                        return raw;
                    }), "bulwark_api_keys", "Table of the JDBC store.", "api_keys");

    public static final Key<String> PEPPER = new Key<>("bulwark.apikeys.pepper", pepper(), null,
            "The secret key of the keys' HMAC-SHA256 (at least 32 bytes; never logged). Keep it out of the "
                    + "application: a secret file ([secrets.md](secrets.md)) or the environment. Required with "
                    + "`bulwark.apikeys.enabled=true`.",
            "EXAMPLE-ONLY-k8Q3x0YvT1m92aF7pL4rZ6wN");

    public static final Key<String> PREVIOUS_PEPPER = new Key<>("bulwark.apikeys.pepper-previous", pepper(), null,
            "The pepper before the last change: keys hashed under it keep working until they are re-issued. See "
                    + "[api-keys.md](api-keys.md#changing-the-pepper).",
            "EXAMPLE-ONLY-old-Yx2Wq7Lm4Nc9Rt5Kp3Vd8");

    public static final Key<String> PREFIX = new Key<>("bulwark.apikeys.prefix",
            Parsers.of("key prefix", "2 to 16 lower-case letters and digits, starting with a letter", raw -> {
                if (!ApiKeyFormat.validPrefix(raw)) {
                    throw new InvalidValueException("not a key prefix");
                }
                return raw;
            }), "bwk",
            "The keys' prefix (before `_`): what secret scanners look for. Changing it invalidates every key.",
            "acme");

    public static final Key<String> HEADER = new Key<>("bulwark.apikeys.header", optionalHeader(), "X-API-Key",
            "Header a key may be sent in, or `off`.", "X-Client-Key");

    public static final Key<String> SCHEME = new Key<>("bulwark.apikeys.authorization-scheme", optionalScheme(),
            "ApiKey", "`Authorization` scheme a key may be sent with (`Authorization: ApiKey <key>`), or `off`.",
            "off");

    public static final Key<Duration> CACHE_TTL = new Key<>("bulwark.apikeys.cache-ttl",
            Parsers.duration(Duration.ZERO, Duration.ofMinutes(10)), "5s",
            "How long a key read from the store is used before it is read again: a revocation reaches every "
                    + "server within this time (`0s`: every request reads the store).",
            "1s");

    public static final Key<Duration> MAX_AGE = new Key<>("bulwark.apikeys.max-age",
            Parsers.duration(Duration.ofDays(1), Duration.ofDays(3650)), "90d",
            "Keys older than this that still work are flagged (a WARNING per key at each start, and in the "
                    + "command-line tool's list): rotate them.",
            "30d");

    public static final Key<String> AUDIENCE = new Key<>("bulwark.apikeys.audience",
            Parsers.of("audience", "a service name: letters, digits and . _ : / -, at most 128", raw -> {
                if (!ApiKeyFormat.validAudience(raw)) {
                    throw new InvalidValueException("not an audience name");
                }
                return raw;
            }), null,
            "The service this server is (its audience): a key is accepted only when it was made for it "
                    + "(`ApiKeysCli create --audience`); other keys get the same 401 as any bad key. Unset: only keys "
                    + "made without an audience are accepted. See [api-keys.md](api-keys.md#audiences).",
            "orders-api");

    public static final ApiKeyKeys CONCERN = new ApiKeyKeys();

    private ApiKeyKeys() {
    }

    private static ValueParser<String> pepper() {
        return Parsers.of("secret", "at least " + KeyHasher.MIN_PEPPER_BYTES + " bytes", raw -> {
            if (raw.getBytes(StandardCharsets.UTF_8).length < KeyHasher.MIN_PEPPER_BYTES) {
                throw new InvalidValueException("shorter than " + KeyHasher.MIN_PEPPER_BYTES + " bytes");
            }
            return raw;
        });
    }

    private static ValueParser<String> optionalHeader() {
        ValueParser<String> header = Parsers.headerName();
        return Parsers.of("HTTP header name or `off`", header.acceptedForm() + ", or off",
                raw -> raw.equalsIgnoreCase("off") ? null : header.parse(raw));
    }

    private static ValueParser<String> optionalScheme() {
        ValueParser<String> scheme = Parsers.authScheme();
        return Parsers.of("authentication scheme or `off`", scheme.acceptedForm() + ", or off",
                raw -> {
                    if (raw.equalsIgnoreCase("off")) {
                        return null;
                    }
                    scheme.parse(raw);
                    return raw; // as written: the challenge of a refused key names it so
                });
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, STORE, FILE, DATASOURCE, TABLE, PEPPER, PREVIOUS_PEPPER, PREFIX, HEADER, SCHEME,
                CACHE_TTL, MAX_AGE, AUDIENCE);
    }

    @Override
    public ApiKeySettings read(ConfigReader reader) {
        ApiKeySettings s = new ApiKeySettings(reader.get(ENABLED), reader.get(STORE), reader.get(FILE),
                reader.get(DATASOURCE), reader.get(TABLE), reader.get(PEPPER), reader.get(PREVIOUS_PEPPER),
                reader.get(PREFIX), reader.get(HEADER), reader.get(SCHEME), reader.get(CACHE_TTL),
                reader.get(MAX_AGE), reader.get(AUDIENCE));
        if (s.enabled()) {
            if (s.pepper() == null && !reader.isSet(PEPPER)) {
                reader.problem(PEPPER, "missing: API keys are enabled", PEPPER.parser().acceptedForm());
            }
            if (s.store() == ApiKeyStoreKind.FILE && s.file() == null) {
                reader.problem(FILE, "missing: bulwark.apikeys.store=FILE", "a file path");
            }
            if (s.store() == ApiKeyStoreKind.JDBC && s.dataSource() == null) {
                reader.problem(DATASOURCE, "missing: bulwark.apikeys.store=JDBC", "a JNDI name");
            }
            if (s.header() == null && s.authorizationScheme() == null) {
                reader.problem(HEADER, "both the header and the Authorization scheme are off: no key could be sent",
                        HEADER.parser().acceptedForm());
            }
        }
        return s;
    }
}
