package dev.bulwark.internal.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/** The detectors' bounded memory: a map of at most so many keys, the least recently used forgotten first. */
final class LruMap {

    private LruMap() {
    }

    /** An access-ordered map that keeps at most {@code max} entries. Not thread-safe. */
    static <V> Map<String, V> of(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
