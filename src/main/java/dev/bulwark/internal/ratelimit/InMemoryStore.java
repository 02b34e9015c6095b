package dev.bulwark.internal.ratelimit;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded store: one {@code long} per key, at most {@code maxKeys} keys. A key whose quota is whole again
 * holds no information and may be dropped; when the store is full and no such key can be dropped, new keys share
 * one overflow state per policy, so a flood of fresh keys (ten million spoofed clients) cannot grow memory and
 * gets one shared limit, while every key already present keeps its own state: eviction never frees a limited key.
 */
public final class InMemoryStore implements RateLimitStore {

    private static final String OVERFLOW = "\u0000overflow:";
    private static final long SWEEP_INTERVAL_NANOS = 100_000_000L;

    private final ConcurrentHashMap<String, long[]> tats = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong lastSweep = new java.util.concurrent.atomic.AtomicLong(
            Long.MIN_VALUE);
    private final int maxKeys;
    private final Clock clock;

    public InMemoryStore(int maxKeys, Clock clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    @Override
    public Decision decide(String key, RatePolicy policy, boolean count) {
        return count ? counted(key, policy) : peeked(key, policy);
    }

    private Decision counted(String key, RatePolicy policy) {
        long now = nanos();
        long[] cell = tats.get(key);
        if (cell == null) {
            cell = admit(key, policy, now);
        }
        synchronized (cell) {
            Gcra.Step step = Gcra.step(cell[0], now, policy);
            cell[0] = step.newTat();
            return step.decision();
        }
    }

    private Decision peeked(String key, RatePolicy policy) {
        long now = nanos();
        long[] cell = tats.get(key);
        if (cell == null && size.get() >= maxKeys) {
            // a new key would share the overflow state (unless a sweep frees room): answer as that state would
            cell = tats.get(OVERFLOW + policy.name());
        }
        if (cell == null) {
            return Gcra.step(Long.MIN_VALUE, now, policy).decision();
        }
        synchronized (cell) {
            return Gcra.step(cell[0], now, policy).decision();
        }
    }

    private long[] admit(String key, RatePolicy policy, long now) {
        if (size.get() >= maxKeys) {
            long last = lastSweep.get();
            // At most one sweep per 100 ms: a key flood cannot turn every request into a full scan.
            if ((last == Long.MIN_VALUE || now - last >= SWEEP_INTERVAL_NANOS) && lastSweep.compareAndSet(last, now)) {
                sweep(now);
            }
        }
        if (size.get() >= maxKeys) {
            return tats.computeIfAbsent(OVERFLOW + policy.name(), k -> new long[] {Long.MIN_VALUE});
        }
        long[] fresh = new long[] {Long.MIN_VALUE};
        long[] existing = tats.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing;
        }
        size.incrementAndGet();
        return fresh;
    }

    /** Drops keys whose quota is whole again (TAT in the past): they carry no state worth keeping. */
    private void sweep(long now) {
        for (Iterator<Map.Entry<String, long[]>> it = tats.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, long[]> e = it.next();
            if (e.getKey().startsWith(OVERFLOW)) {
                continue;
            }
            long[] cell = e.getValue();
            synchronized (cell) {
                if (cell[0] <= now && tats.remove(e.getKey(), cell)) {
                    size.decrementAndGet();
                }
            }
        }
    }

    private long nanos() {
        java.time.Instant i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    int size() {
        return size.get();
    }
}
