package dev.bulwark.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The WARNING line written when a caller spends its refusal budget, naming the caller (its client address, or the
 * subject of its verified token) and the keys that govern the budget, so that an operator can tell who is locked
 * out and why. Bounded like the 4xx summary: at most one line per caller and interval, and at most
 * {@value #MAX_NAMED} callers named per interval, after which one line says that more are not named. A flood from
 * many addresses cannot flood the log, and memory holds at most {@value #MAX_NAMED} callers.
 */
final class SpentBudgetLog {

    /** Most callers named in one interval. */
    static final int MAX_NAMED = 20;

    private static final Logger LOG = Logger.getLogger("dev.bulwark.ratelimit");

    private final String budget;
    private final Duration interval;
    private final Clock clock;
    /** The callers named in the current interval (guarded by this). */
    private final Set<String> named = new HashSet<>();
    private boolean overflowed;
    private Instant windowStart;

    /**
     * @param budget   the configured budget, {@code count/duration}
     * @param interval how long a named caller is not named again
     */
    SpentBudgetLog(String budget, Duration interval, Clock clock) {
        this.budget = RateLimitKeys.REFUSED.name() + "=" + budget;
        this.interval = interval;
        this.clock = clock;
    }

    /** The caller's refusal just spent its budget: from now on its requests get 429 until the budget recovers. */
    void spent(Caller caller) {
        String line;
        synchronized (this) {
            Instant now = clock.instant();
            if (windowStart == null || !now.isBefore(windowStart.plus(interval))) {
                named.clear();
                overflowed = false;
                windowStart = now;
            }
            String key = caller.verified() ? "sub:" + caller.subject() : "ip:" + caller.clientAddress();
            if (named.contains(key)) {
                return;
            }
            if (named.size() < MAX_NAMED) {
                named.add(key);
                line = line(caller);
            } else if (!overflowed) {
                overflowed = true;
                line = "Bulwark: more than " + MAX_NAMED + " callers spent their refusal budget (" + budget
                        + ") within " + interval.toSeconds() + "s; the next ones are not named before that time has"
                        + " passed (the 429 summary lines of dev.bulwark.errors still count their requests)";
            } else {
                return;
            }
        }
        LOG.warning(line);
    }

    private String line(Caller caller) {
        if (caller.verified()) {
            return "Bulwark: " + caller + " spent its refusal budget (" + budget + "): requests with its verified"
                    + " tokens get 429 until the budget recovers";
        }
        return "Bulwark: " + caller + " spent its refusal budget (" + budget + "): its requests get 429 until the"
                + " budget recovers, except those with a valid bearer token (budgeted by their subject). An address"
                + " that must never be locked out (an office NAT, a health checker) can be listed in "
                + RateLimitKeys.REFUSED_EXEMPT.name();
    }
}
