package dev.bulwark.internal.alerts;

import java.util.Map;

/**
 * An exact sliding-window count per key: the times of each key's last {@code count} hits, so the threshold is met
 * when the oldest of them is within the window. At most {@code maxKeys} keys are kept (the least recently hit are
 * forgotten), so memory stays bounded under a flood of keys. One alert per key per window. Not thread-safe: the audit
 * writer's thread only.
 */
final class SlidingCount implements CountWindow {

    private final int count;
    private final long windowMillis;
    private final Map<String, Ring> keys;

    private static final class Ring {
        final long[] times;
        int next;
        int size;
        long alertedAt = Long.MIN_VALUE;

        Ring(int count) {
            this.times = new long[count];
        }
    }

    SlidingCount(Threshold threshold, int maxKeys) {
        this.count = threshold.count();
        this.windowMillis = threshold.window().toMillis();
        this.keys = LruMap.of(maxKeys);
    }

    /** Counts one hit of {@code key} at {@code now}; true when it meets the threshold and no alert was due yet. */
    @Override
    public boolean hit(String key, long now) {
        Ring r = keys.computeIfAbsent(key, k -> new Ring(count));
        r.times[r.next] = now;
        r.next = (r.next + 1) % count;
        r.size = Math.min(r.size + 1, count);
        if (r.size < count || now - r.times[r.next] >= windowMillis) {
            return false; // fewer than count hits within the window
        }
        if (r.alertedAt != Long.MIN_VALUE && now - r.alertedAt < windowMillis) {
            return false; // alerted for this key within the window already
        }
        r.alertedAt = now;
        return true;
    }

    int keys() {
        return keys.size();
    }
}
