package dev.bulwark.internal.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Response bytes per subject in fixed windows against the subject's own baseline: an exponential moving average of
 * its earlier windows' totals (empty windows count as zero). After {@link #HISTORY} windows, a window whose total
 * reaches {@code factor} times the baseline (and {@code minBytes}) raises one alert. At most {@code maxKeys}
 * subjects. Not thread-safe: the audit writer's thread only.
 */
final class ExfiltrationBaseline {

    /** Windows of history before a subject can raise the alert. */
    static final int HISTORY = 3;
    /** The weight of the latest window in the moving average. */
    static final double ALPHA = 0.3;

    private final int factor;
    private final long minBytes;
    private final long windowMillis;
    private final Map<String, Subject> subjects;

    private static final class Subject {
        long window;
        long bytes;
        double baseline;
        int windows;
        long alertedWindow = Long.MIN_VALUE;

        Subject(long window) {
            this.window = window;
        }
    }

    ExfiltrationBaseline(int factor, long minBytes, long windowMillis, int maxKeys) {
        this.factor = factor;
        this.minBytes = minBytes;
        this.windowMillis = windowMillis;
        this.subjects = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Subject> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Adds a response's bytes; the threshold it met when this raises the alert, else -1. */
    long add(String subject, long bytes, long now) {
        long window = Math.floorDiv(now, windowMillis);
        Subject s = subjects.computeIfAbsent(subject, k -> new Subject(window));
        if (window > s.window) {
            long elapsed = Math.min(window - s.window, 64);
            s.baseline = s.windows == 0 ? s.bytes : ALPHA * s.bytes + (1 - ALPHA) * s.baseline;
            for (long empty = 1; empty < elapsed; empty++) {
                s.baseline *= 1 - ALPHA;
            }
            s.windows += (int) elapsed;
            s.window = window;
            s.bytes = 0;
        }
        s.bytes += Math.max(0, bytes);
        long threshold = Math.max(minBytes, (long) Math.ceil(factor * Math.max(s.baseline, 1.0)));
        if (s.windows < HISTORY || s.bytes < threshold || s.alertedWindow == window) {
            return -1;
        }
        s.alertedWindow = window;
        return threshold;
    }

    /** The bytes of the subject's current window. */
    long bytes(String subject) {
        Subject s = subjects.get(subject);
        return s == null ? 0 : s.bytes;
    }

    int keys() {
        return subjects.size();
    }
}
