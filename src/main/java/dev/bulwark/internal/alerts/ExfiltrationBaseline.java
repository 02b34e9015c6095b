package dev.bulwark.internal.alerts;

import java.util.Map;

/**
 * Response bytes (or, in a second instance, response items) per subject in a sliding window against the subject's
 * own baseline. The window is kept as
 * {@link #SLOTS} slots (so it slides by a tenth of its length: a burst across any boundary stays in one window); the
 * bytes of the slots that leave it make, a window's worth at a time, the baseline: an exponential moving average of
 * those earlier windows' totals, empty windows counting as zero (so an old heavy baseline decays: no subject is
 * immune for ever), never including the bytes being judged. After {@link #HISTORY} windows of history, a window whose
 * total reaches {@code factor} times the baseline (and {@code minBytes}) raises one alert, and no other within a
 * window's length. A subject first seen (or forgotten and seen again) has no history: its first requests are never a
 * spike. At most {@code maxKeys} subjects. Not thread-safe: the audit writer's thread only.
 */
final class ExfiltrationBaseline {

    /** Windows of history before a subject can raise the alert. */
    static final int HISTORY = 3;
    /** The weight of the latest window in the moving average. */
    static final double ALPHA = 0.3;
    /** The slots of one window. */
    static final int SLOTS = 10;
    /** Idle windows after which a baseline is taken as decayed to nothing (0.7^64 is below 10^-9). */
    private static final int DECAYED = 64;

    private final int factor;
    private final long minBytes;
    private final long windowMillis;
    private final long slotMillis;
    private final Map<String, Subject> subjects;

    private static final class Subject {
        final long[] slots = new long[SLOTS];
        long slot;
        long sum;
        double baseline;
        int windows;
        long aged;
        int agedSlots;
        /** The slots of the first window that were before the subject was seen: no history. */
        int beforeFirstSeen = SLOTS - 1;
        long alertedAt = Long.MIN_VALUE;

        Subject(long slot) {
            this.slot = slot;
        }
    }

    ExfiltrationBaseline(int factor, long minBytes, long windowMillis, int maxKeys) {
        this.factor = factor;
        this.minBytes = minBytes;
        this.windowMillis = windowMillis;
        this.slotMillis = Math.max(1, windowMillis / SLOTS);
        this.subjects = LruMap.of(maxKeys);
    }

    /** Adds a response's bytes; the threshold it met when this raises the alert, else -1. */
    long add(String subject, long bytes, long now) {
        long slot = Math.floorDiv(now, slotMillis);
        Subject s = subjects.computeIfAbsent(subject, k -> new Subject(slot));
        slide(s, slot);
        long b = Math.max(0, bytes);
        s.slots[Math.floorMod(s.slot, SLOTS)] += b;
        s.sum += b;
        long threshold = Math.max(minBytes, (long) Math.ceil(factor * Math.max(s.baseline, 1.0)));
        if (s.windows < HISTORY || s.sum < threshold
                || s.alertedAt != Long.MIN_VALUE && now - s.alertedAt < windowMillis) {
            return -1;
        }
        s.alertedAt = now;
        return threshold;
    }

    /** Moves the subject's window on to {@code slot}: the slots that leave it go to the baseline. */
    private static void slide(Subject s, long slot) {
        long steps = slot - s.slot;
        if (steps <= 0) {
            return; // the same slot (or an event a little out of order: counted in the current slot)
        }
        long walked = Math.min(steps, (long) SLOTS * (DECAYED + 1));
        for (long i = 1; i <= walked; i++) {
            int at = Math.floorMod(s.slot + i, SLOTS);
            age(s, s.slots[at]);
            s.sum -= s.slots[at];
            s.slots[at] = 0;
        }
        if (steps > walked) { // idle for longer than the decay takes: whole empty windows, the baseline gone
            s.windows += (int) Math.min(Integer.MAX_VALUE - s.windows, (steps - walked) / SLOTS);
            s.baseline = 0;
        }
        s.slot = slot;
    }

    private static void age(Subject s, long bytes) {
        if (s.beforeFirstSeen > 0) {
            s.beforeFirstSeen--;
            return;
        }
        s.aged += bytes;
        if (++s.agedSlots == SLOTS) {
            s.baseline = s.windows == 0 ? s.aged : ALPHA * s.aged + (1 - ALPHA) * s.baseline;
            s.windows = Math.min(s.windows + 1, Integer.MAX_VALUE - 1);
            s.aged = 0;
            s.agedSlots = 0;
        }
    }

    /** The bytes (or items) of the subject's current window. */
    long bytes(String subject) {
        Subject s = subjects.get(subject);
        return s == null ? 0 : s.sum;
    }

    int keys() {
        return subjects.size();
    }
}
