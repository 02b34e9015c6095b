package dev.bulwark.internal.apikeys;

import dev.bulwark.api.ApiKeyRecord;
import dev.bulwark.api.ApiKeyStore;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.ratelimit.Limit;
import dev.bulwark.internal.ratelimit.RatePolicy;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Authenticates a presented API key, in this order: its shape and checksum (no look-up for a typo or a made-up
 * key), its record by id (from the store at most once per {@code cache-ttl}), the keyed hash compared in constant
 * time, then revocation and expiry. Every refusal has a reason for the log that names at most the key's id, never
 * the key; the client gets the same 401 whatever the reason.
 *
 * <p>A verified key becomes its owner's caller: a {@link RawToken} whose claims are those of a token with the same
 * rights ({@code sub} the owner, {@code groups} the roles, the scope claim the scopes, {@code client_id} the client),
 * so that every control that reads the verified caller (roles, scopes, ownership, rate limits, data exposure, the
 * refusal budget) treats it exactly like a token holder.
 */
public final class ApiKeys {

    /** The header of a key caller's {@link RawToken}: {@code typ} names it, {@code kid} the key. */
    public static final String CALLER_TYPE = "bulwark-api-key";

    /** Most records kept between store reads; beyond, the cache starts again (bounded memory under made-up ids). */
    static final int MAX_CACHED = 10_000;

    /** What a presented key gave. */
    public sealed interface Outcome permits Verified, Refused, Unavailable {
    }

    /**
     * @param key    the key's record
     * @param caller the key's owner as a verified caller
     * @param limit  the key's own rate limit, or null
     * @param limits the limit as the limiter counts it (per key, made once per store read), or null
     */
    public record Verified(ApiKeyRecord key, RawToken caller, RatePolicy limit, List<Limit> limits)
            implements Outcome {
    }

    /** @param reason for the log only (names the key's id at most) */
    public record Refused(String reason) implements Outcome {
    }

    /** The store could not be read: the request gets a 503, never a pass. */
    public record Unavailable(String reason) implements Outcome {
    }

    private record Entry(ApiKeyRecord record, RawToken caller, RatePolicy limit, List<Limit> limits,
                         Instant readAt) {
    }

    private final ApiKeyFormat format;
    private final ApiKeyStore store;
    private final Supplier<KeyHasher> hasher;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration maxAge;
    private final String scopeClaim;
    private final String audience;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param hasher     the keyed hash under the current pepper (asked on every check, so a changed pepper is used
     *                   at once)
     * @param scopeClaim the claim the scope check reads ({@code bulwark.authz.scope-claim})
     * @param audience   the service this server is ({@code bulwark.apikeys.audience}): only keys made for it are
     *                   accepted; null accepts only keys made without an audience
     */
    public ApiKeys(ApiKeyFormat format, ApiKeyStore store, Supplier<KeyHasher> hasher, Clock clock,
                   Duration cacheTtl, Duration maxAge, String scopeClaim, String audience) {
        this.format = format;
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.maxAge = maxAge;
        this.scopeClaim = scopeClaim;
        this.audience = audience;
    }

    public ApiKeyFormat format() {
        return format;
    }

    /** Checks a presented key. */
    public Outcome authenticate(String presented) {
        String id = format.idOf(presented);
        if (id == null) {
            return new Refused("not a well-formed API key (shape or checksum)");
        }
        Instant now = clock.instant();
        Entry entry;
        try {
            entry = entry(id, now);
        } catch (RuntimeException e) {
            return new Unavailable("the API key store cannot be read: " + e.getMessage());
        }
        ApiKeyRecord key = entry.record();
        // the hash is computed even for an unknown id, so that both take about as long
        String stored = key != null ? key.hash() : UNKNOWN_HASH;
        boolean matches = hasher.get().matches(presented, stored);
        if (key == null) {
            return new Refused("unknown API key id " + id);
        }
        if (!matches) {
            return new Refused("API key " + id + " does not match its stored hash");
        }
        // revoked whatever the revoking machine's clock said: nothing revokes a key in the future
        if (key.revokedAt() != null) {
            return new Refused("API key " + id + " was revoked at " + key.revokedAt());
        }
        if (!now.isBefore(key.expiresAt())) {
            return new Refused("API key " + id + " expired at " + key.expiresAt());
        }
        if (!forThisAudience(key)) {
            return new Refused("API key " + id + " is not for this server's audience (the key's: "
                    + (key.audiences().isEmpty() ? "none" : String.join(",", new TreeSet<>(key.audiences())))
                    + "; this server's: " + (audience == null ? "none" : audience) + ")");
        }
        return new Verified(key, entry.caller(), entry.limit(), entry.limits());
    }

    /**
     * A key made for audiences works only on a server that is one of them; a key made without one (before keys had
     * audiences, or for a deployment that needs none) only on a server that sets none.
     */
    private boolean forThisAudience(ApiKeyRecord key) {
        return audience == null ? key.audiences().isEmpty() : key.audiences().contains(audience);
    }

    /** A hash no key has (64 hex digits), compared for unknown ids. */
    private static final String UNKNOWN_HASH = "0".repeat(64);

    private Entry entry(String id, Instant now) {
        Entry e = cache.get(id);
        if (e != null && now.isBefore(e.readAt().plus(cacheTtl))) {
            return e;
        }
        Optional<ApiKeyRecord> found = store.find(id);
        e = found.map(r -> {
            RatePolicy limit = limit(r);
            return new Entry(r, caller(r), limit, limit == null ? null
                    : List.of(new Limit(limit, dev.bulwark.api.RateLimit.Key.PRINCIPAL, "api-key")), now);
        }).orElseGet(() -> new Entry(null, null, null, null, now));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(id, e);
        return e;
    }

    private static RatePolicy limit(ApiKeyRecord r) {
        if (r.rateLimit() == null) {
            return null;
        }
        try {
            return RatePolicy.parse("api-key", r.rateLimit());
        } catch (IllegalArgumentException e) {
            return null; // the tool refuses such a rate: a hand-edited store gets no limit of its own
        }
    }

    /** The claims a token with the key's rights would carry. */
    RawToken caller(ApiKeyRecord r) {
        JsonArrayBuilder groups = Json.createArrayBuilder();
        new TreeSet<>(r.roles()).forEach(groups::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("sub", r.owner())
                .add("groups", groups)
                .add(scopeClaim, String.join(" ", new TreeSet<>(r.scopes())))
                .add("client_id", r.client())
                .add("iat", r.createdAt().getEpochSecond())
                .add("exp", r.expiresAt().getEpochSecond());
        JsonObject header = Json.createObjectBuilder().add("typ", CALLER_TYPE).add("kid", r.id()).build();
        return new RawToken(header, claims.build(), "api-key " + r.id());
    }

    /** True for the caller of a verified API key. */
    public static boolean isKeyCaller(RawToken token) {
        return token != null && CALLER_TYPE.equals(token.header().getString("typ", null));
    }

    /** Keys past the maximum age that still work (neither revoked nor expired), for a warning. */
    public List<String> overAge() {
        Instant now = clock.instant();
        List<String> out = new ArrayList<>();
        for (ApiKeyRecord k : store.list()) {
            if (k.revokedAt() == null && now.isBefore(k.expiresAt()) && isOverAge(k, now, maxAge)) {
                out.add("API key " + k.id() + " of client " + k.client() + " is "
                        + Duration.between(k.createdAt(), now).toDays() + " days old (max-age " + maxAge.toDays()
                        + " days): rotate it");
            }
        }
        return out;
    }

    static boolean isOverAge(ApiKeyRecord k, Instant now, Duration maxAge) {
        return !now.isBefore(k.createdAt().plus(maxAge));
    }
}
