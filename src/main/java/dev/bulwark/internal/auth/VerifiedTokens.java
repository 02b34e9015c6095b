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
 * (a miss only costs the read). Thread-safe.
 */
public final class VerifiedTokens {

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

    /** Keeps a token the container verified, until its {@code exp}. Tokens without a usable {@code exp} are not kept. */
    public void put(RawToken token, Instant now) {
        if (capacity == 0) {
            return;
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
        if (expiresAt <= now.getEpochSecond()) {
            return;
        }
        if (entries.size() >= capacity) {
            evict(now);
        }
        if (entries.size() < capacity) {
            entries.put(token.compact(), new Entry(token, expiresAt));
        }
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
