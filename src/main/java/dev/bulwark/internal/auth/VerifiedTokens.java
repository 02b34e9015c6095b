package dev.bulwark.internal.auth;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tokens the container verified lately, read once: a bounded map from the exact token text to its strictly
 * read {@link RawToken}, so that a caller's next requests with the same token skip reading it again (decoding,
 * the strict JSON scan, the JSON tree). It saves reading only, never a check: {@link TokenGate} still runs the
 * whole policy (times, deny-list, issuer, audience, algorithm) and the published-key check on every request, and
 * the container still verifies the signature. An entry is added only once the container verified that exact
 * token, and leaves when the token expires; when the map is full, expired entries go first, then arbitrary ones
 * (a miss only costs the read). A token whose read form would weigh more than {@link #MAX_WEIGHT} (estimated from
 * its length and the number of its JSON values) is not kept, so the map never holds more than
 * {@code capacity * MAX_WEIGHT} however large the tokens an identity provider signs. Thread-safe.
 */
public final class VerifiedTokens {

    /** The largest estimated weight (bytes) of a token kept: mainstream access tokens weigh 4 to 15 KB. */
    public static final int MAX_WEIGHT = 24 * 1024;
    /** A generous estimate of the heap one JSON value of a parsed token takes (node, map entry, key, boxed value). */
    private static final int BYTES_PER_VALUE = 160;

    private final int capacity;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReentrantLock eviction = new ReentrantLock();

    private record Entry(RawToken token, long expiresAt) {
    }

    /** @param capacity the most tokens kept; 0 keeps none */
    public VerifiedTokens(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /** The token read before from exactly this text, unless it expired by {@code now}; else null. */
    public RawToken get(String compact, Instant now) {
        if (capacity == 0) {
            return null;
        }
        Entry e = entries.get(compact);
        if (e == null) {
            return null;
        }
        if (now.getEpochSecond() >= e.expiresAt) {
            entries.remove(compact, e);
            return null;
        }
        return e.token;
    }

    /** True when a token read from exactly this text is kept, expired or not. */
    public boolean holds(String compact) {
        return capacity != 0 && entries.containsKey(compact);
    }

    /** Keeps a token the container verified, until its {@code exp}. Tokens without a usable {@code exp} are not kept. */
    public void put(RawToken token, Instant now) {
        if (capacity == 0 || entries.containsKey(token.compact())) {
            return; // the request's token came from here: nothing to weigh or store again
        }
        JsonValue exp = token.claims().get("exp");
        if (!(exp instanceof JsonNumber n) || !n.isIntegral()) {
            return;
        }
        long expiresAt;
        try {
            expiresAt = n.longValueExact();
        } catch (ArithmeticException e) {
            return;
        }
        if (expiresAt <= now.getEpochSecond() || weight(token) > MAX_WEIGHT) {
            return;
        }
        if (entries.size() >= capacity) {
            evict(now);
        }
        if (entries.size() < capacity) {
            entries.put(token.compact(), new Entry(token, expiresAt));
        }
    }

    /**
     * The estimated heap a kept token takes: its text (kept), the characters of its decoded parts again (in the
     * JSON tree's strings) and a generous share per JSON value. It errs on the high side: measured on the heap (2000
     * tokens kept), a Keycloak-shaped token takes about 6 KB against 8 KB estimated, one carrying 95 more small
     * numbers 10 KB against 24 KB.
     */
    static long weight(RawToken token) {
        return 3L * token.compact().length() + BYTES_PER_VALUE * (values(token.header()) + values(token.claims()));
    }

    private static long values(JsonValue value) {
        long n = 1;
        if (value instanceof jakarta.json.JsonObject o) {
            for (JsonValue v : o.values()) {
                n += values(v);
            }
        } else if (value instanceof jakarta.json.JsonArray a) {
            for (JsonValue v : a) {
                n += values(v);
            }
        }
        return n;
    }

    /** How many tokens are kept now. */
    public int size() {
        return entries.size();
    }

    /** Removes the expired entries, then, while still above three quarters of the capacity, arbitrary ones. */
    private void evict(Instant now) {
        if (!eviction.tryLock()) {
            return; // another thread is making room
        }
        try {
            long t = now.getEpochSecond();
            entries.values().removeIf(e -> t >= e.expiresAt);
            int target = capacity - Math.max(1, capacity / 4);
            Iterator<String> it = entries.keySet().iterator();
            while (entries.size() > target && it.hasNext()) {
                it.next();
                it.remove();
            }
        } finally {
            eviction.unlock();
        }
    }
}
