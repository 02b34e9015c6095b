package dev.bulwark.internal.alerts;

import dev.bulwark.api.SecurityAlert;
import dev.bulwark.api.SecurityAlert.Detector;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * At most {@code bulwark.alerts.max-alerts-per-window} alerts of one detector per window: a detector keyed by
 * something the attacker chooses (a client address: one per /64 it controls) would otherwise raise one alert per key
 * and fill the webhook's queue. A window opens with a detector's first alert and lasts that detector's window; the
 * alerts beyond the cap are suppressed (their keys still counted by the detector) and counted as they happen. The
 * first suppressed alert of a window raises an {@link Detector#ALERTS_SUPPRESSED} notice at once, naming that alert's
 * request (an attacker filling the cap with decoys to hide the alert that matters gets the hidden one named, and the
 * defenders told right away that alerts are being held back); the first event after the window raises one more saying
 * how many were suppressed in all. Used on the audit writer's thread only.
 */
final class AlertCap {

    /** One detector's open window. */
    private static final class Window {
        final long end;
        final Duration length;
        int raised;
        long suppressed;
        SecurityAlert last;

        Window(long end, Duration length) {
            this.end = end;
            this.length = length;
        }
    }

    private final int max;
    private final Consumer<SecurityAlert> publish;
    private final Consumer<Detector> suppressed;
    private final Map<Detector, Window> windows = new EnumMap<>(Detector.class);
    /** The earliest end of an open window ({@code Long.MAX_VALUE}: none), so most events look at nothing. */
    private long nextEnd = Long.MAX_VALUE;

    /**
     * @param max        the most alerts of one detector per window
     * @param publish    where a raised alert (and a summary) goes
     * @param suppressed told each suppressed alert's detector as it happens (the metric)
     */
    AlertCap(int max, Consumer<SecurityAlert> publish, Consumer<Detector> suppressed) {
        this.max = max;
        this.publish = publish;
        this.suppressed = suppressed;
    }

    /** Raises the alert, unless its detector raised the most it may within its window. */
    void raise(SecurityAlert alert, Duration window) {
        long now = alert.at().toEpochMilli();
        close(now);
        Window w = windows.get(alert.detector());
        if (w == null) {
            w = new Window(now + Math.max(1, window.toMillis()), window);
            windows.put(alert.detector(), w);
            nextEnd = Math.min(nextEnd, w.end);
        }
        if (w.raised < max) {
            w.raised++;
            publish.accept(alert);
        } else {
            w.suppressed++;
            w.last = alert;
            suppressed.accept(alert.detector());
            if (w.suppressed == 1) {
                publish.accept(new SecurityAlert(Detector.ALERTS_SUPPRESSED, label(alert.detector()), 1, max,
                        w.length, alert.at(), alert.clientAddress(), alert.subject(), alert.route(),
                        alert.correlationId()));
            }
        }
    }

    /** Closes the windows that ended by {@code now}: one summary alert for each that suppressed any. */
    void close(long now) {
        if (now < nextEnd) {
            return;
        }
        long next = Long.MAX_VALUE;
        for (Iterator<Map.Entry<Detector, Window>> i = windows.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Detector, Window> entry = i.next();
            Detector detector = entry.getKey();
            Window w = entry.getValue();
            if (now < w.end) {
                next = Math.min(next, w.end);
                continue;
            }
            i.remove();
            if (w.suppressed > 0) {
                SecurityAlert last = w.last;
                publish.accept(new SecurityAlert(Detector.ALERTS_SUPPRESSED, label(detector), w.suppressed,
                        max, w.length, Instant.ofEpochMilli(now), last.clientAddress(), last.subject(), last.route(),
                        last.correlationId()));
            }
        }
        nextEnd = next;
    }

    /** {@code auth-failures-by-address}: a detector as the metrics and the alert lines name it. */
    static String label(Detector detector) {
        return detector.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
