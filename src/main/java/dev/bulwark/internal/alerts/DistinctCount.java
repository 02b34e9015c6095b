package dev.bulwark.internal.alerts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct values per key within a sliding window (the client addresses of one token): each key keeps at most
 * {@code count} values with the time each was last seen; at most {@code maxKeys} keys. One alert per key per window.
 * Not thread-safe: the audit writer's thread only.
 */
final class DistinctCount implements DistinctWindow {

    private final int count;
    private final long windowMillis;
    private final Map<String, Seen> keys;

    private static final class Seen {
        /** value -> last seen, eldest first. */
        final LinkedHashMap<String, Long> values = new LinkedHashMap<>();
        long alertedAt = Long.MIN_VALUE;
    }

    DistinctCount(Threshold threshold, int maxKeys) {
        this.count = threshold.count();
        this.windowMillis = threshold.window().toMillis();
        this.keys = LruMap.of(maxKeys);
    }

    /** Notes {@code value} for {@code key}; true when the key reaches the threshold and no alert was due yet. */
    @Override
    public boolean see(String key, String value, long now) {
        Seen s = keys.computeIfAbsent(key, k -> new Seen());
        s.values.remove(value);
        s.values.put(value, now);
        for (Iterator<Long> it = s.values.values().iterator(); it.hasNext(); ) {
            long seen = it.next();
            if (now - seen < windowMillis && s.values.size() <= count) {
                break;
            }
            it.remove(); // out of the window, or beyond what the threshold needs
        }
        if (s.values.size() < count) {
            return false;
        }
        if (s.alertedAt != Long.MIN_VALUE && now - s.alertedAt < windowMillis) {
            return false;
        }
        s.alertedAt = now;
        return true;
    }

    int keys() {
        return keys.size();
    }
}
