package dev.bulwark.internal.ratelimit;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.time.Duration;
import java.util.List;

/** The keys of rate limiting and the refusal budget ({@code bulwark.ratelimit.*}). */
public final class RateLimitKeys implements ConfigConcern<RateLimitSettings> {

    public static final Key<Boolean> ENABLED = new Key<>("bulwark.ratelimit.enabled", Parsers.bool(), "true",
            "Rate limiting on JAX-RS endpoints and the refusal budget. See [rate-limiting.md](rate-limiting.md).",
            "false");

    public static final Key<String> ANONYMOUS = new Key<>("bulwark.ratelimit.anonymous", rate(), "300/1m",
            "Default limit for requests without a verified token, per client address and endpoint "
                    + "(endpoints with `@RateLimit` use theirs).",
            "60/1m");

    public static final Key<String> REFUSED = new Key<>("bulwark.ratelimit.refused", rate(), "60/1m",
            "Refusal budget per caller across the whole application: every response that refuses a request "
                    + "(400, 401, 403, 405, 411, 413, 414, 415, 431, and the 404 of an `@OwnedBy` refusal), "
                    + "whichever layer made it, is charged to the subject of the bearer token Bulwark verified, else "
                    + "to the client address. Once an address's budget is spent, its requests without a valid bearer "
                    + "token get 429 before anything else runs; once a subject's is spent, the requests with its "
                    + "tokens get 429 right after the token check; until the budget recovers. Callers behind one "
                    + "address (a NAT) with valid tokens of their own are kept apart. The caller that spends its "
                    + "budget is named in one WARNING line. Independent of `bulwark.ratelimit.anonymous` (per "
                    + "address **and endpoint**, every request). See "
                    + "[rate-limiting.md](rate-limiting.md#refused-requests).",
            "30/1m");

    public static final Key<List<Cidr>> REFUSED_EXEMPT = new Key<>("bulwark.ratelimit.refused-exempt",
            Parsers.cidrList(), "",
            "Client addresses whose requests without a verified token are never charged to the refusal "
                    + "budget nor refused by it: an office NAT, a health checker. Verified callers from them are "
                    + "still budgeted by their subject. Parsed like `bulwark.trusted-proxies` (a bad entry fails the "
                    + "deployment). See [rate-limiting.md](rate-limiting.md#behind-a-nat-or-a-shared-address).",
            "203.0.113.10/32, 10.20.0.0/16");

    public static final Key<String> AUTHENTICATED = new Key<>("bulwark.ratelimit.authenticated", rate(), "1200/1m",
            "Default limit for requests with a verified token, per subject and endpoint.", "600/1m");

    public static final Key<Integer> MAX_KEYS = new Key<>("bulwark.ratelimit.max-keys",
            Parsers.intRange(100, 100_000_000), "100000",
            "Most keys the in-memory store holds (about 100 bytes each); beyond, keys whose quota is whole "
                    + "are dropped and new ones share one overflow count per policy.",
            "1000000");

    public static final Key<String> API_KEY_HEADER = new Key<>("bulwark.ratelimit.api-key-header",
            Parsers.headerName(), "X-API-Key", "Header counted by `@RateLimit(key = API_KEY)`.", "X-Client-Key");

    public static final Key<Boolean> HEADERS_ON_SUCCESS = new Key<>("bulwark.ratelimit.headers-on-success",
            Parsers.bool(), "true", "Send `RateLimit-Policy` and `RateLimit` on allowed responses too (always on 429).",
            "false");

    public static final Key<RateLimitStoreKind> STORE = new Key<>("bulwark.ratelimit.store",
            Parsers.enumOf(RateLimitStoreKind.class), "MEMORY",
            "Where counts live: MEMORY (this server) or REDIS (shared by every server; needs "
                    + "`io.lettuce:lettuce-core`).",
            "REDIS");

    public static final Key<String> REDIS_URL = new Key<>("bulwark.ratelimit.redis.url", Parsers.redisUrl(),
            "redis://127.0.0.1:6379",
            "Redis for `bulwark.ratelimit.store=REDIS` (`redis://` or `rediss://`; the value is never logged).",
            "rediss://redis.internal:6380");

    public static final Key<Duration> REDIS_TIMEOUT = new Key<>("bulwark.ratelimit.redis.timeout",
            Parsers.duration(Duration.ofMillis(5), Duration.ofSeconds(5)), "50ms",
            "Longest a request waits for Redis; slower or failed calls use the fallback.", "100ms");

    public static final Key<FallbackStore.Mode> REDIS_FALLBACK = new Key<>("bulwark.ratelimit.redis.fallback",
            Parsers.enumOf(FallbackStore.Mode.class), "LOCAL",
            "While Redis is unavailable: LOCAL counts on this server alone, REJECT answers 503 to limited "
                    + "endpoints.",
            "REJECT");

    public static final Key<String> REDIS_PREFIX = new Key<>("bulwark.ratelimit.redis.key-prefix",
            Parsers.of("key prefix", "a Redis key prefix (letters, digits, '.', '_', ':', '-', at most 128)", raw -> {
                if (!raw.matches("[A-Za-z0-9._:-]{1,128}")) {
                    throw new InvalidValueException("not a valid key prefix");
                }
                return raw;
            }), "bulwark:rl", "Prefix of Bulwark's Redis keys.", "orders-api:rl");

    public static final RateLimitKeys CONCERN = new RateLimitKeys();

    private RateLimitKeys() {
    }

    /** A rate, {@code count/duration}: {@code 100/1m}, {@code 10/s}, {@code 5000/1h}; or {@code off} (null). */
    public static ValueParser<String> rate() {
        return Parsers.of("rate or `off`", "count/duration such as 100/1m, 10/s or 5000/1h, or off", raw -> {
            if (raw.equalsIgnoreCase("off")) {
                return null;
            }
            RatePolicy policy;
            try {
                policy = RatePolicy.parse("default", raw);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("not a rate: " + e.getMessage()); // such as a count of 0
            }
            if (policy == null) {
                throw new InvalidValueException("not a rate");
            }
            return raw;
        });
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ENABLED, ANONYMOUS, REFUSED, REFUSED_EXEMPT, AUTHENTICATED, MAX_KEYS, API_KEY_HEADER,
                HEADERS_ON_SUCCESS, STORE, REDIS_URL, REDIS_TIMEOUT, REDIS_FALLBACK, REDIS_PREFIX);
    }

    @Override
    public RateLimitSettings read(ConfigReader reader) {
        return new RateLimitSettings(reader.get(ENABLED), reader.get(ANONYMOUS), reader.get(AUTHENTICATED),
                reader.get(REFUSED), reader.get(REFUSED_EXEMPT), reader.get(MAX_KEYS), reader.get(API_KEY_HEADER),
                reader.get(HEADERS_ON_SUCCESS), reader.get(STORE), reader.get(REDIS_URL), reader.get(REDIS_TIMEOUT),
                reader.get(REDIS_FALLBACK), reader.get(REDIS_PREFIX));
    }
}
