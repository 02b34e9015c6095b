package dev.bulwark.internal.errors;

import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.logging.SafeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server-side lines written for problem responses, with the request's correlation id. Server errors: one
 * SEVERE line each, with the full exception. Client errors: one line each at the configured level (FINE by
 * default) with the real reason (sanitized), which the client never sees; and, so that a flood of refused requests
 * cannot flood the log, one INFO summary line per status and per interval: how many, and the last one's
 * correlation id, caller and reason. The summary of an interval is written by the first client error after it ends (no
 * thread of its own), or by {@link #flush()} when the application stops. So that a developer sees why requests are
 * refused at the default level, the first refusal of each kind (status and reason, numbers and quoted values aside)
 * in an interval is also written at INFO, for at most {@value #MAX_KINDS} kinds an interval.
 */
public final class ErrorLog {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.errors");

    private final Level clientLevel;
    private final Duration interval;
    private final Clock clock;
    /** Per status: how many in the current interval, and the last one (guarded by this). */
    private final Map<Integer, Tally> tallies = new TreeMap<>();
    /** The kinds of refusal already written at INFO in the current interval (guarded by this). */
    private final java.util.Set<String> kinds = new java.util.HashSet<>();
    private Instant windowStart;

    /** Most kinds of refusal written at INFO in one interval; the rest are in the summary only. */
    static final int MAX_KINDS = 16;
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("'[^']*'|\\d+");

    /** No summary: one line per client error at {@code clientLevel}. */
    public ErrorLog(Level clientLevel) {
        this(clientLevel, Duration.ZERO, Clock.systemUTC());
    }

    /** @param summaryInterval the window of the summary lines; zero switches them off */
    public ErrorLog(Level clientLevel, Duration summaryInterval, Clock clock) {
        this.clientLevel = clientLevel;
        this.interval = summaryInterval;
        this.clock = clock;
    }

    private static final class Tally {
        long count;
        String last;
    }

    public void serverError(String correlationId, int status, String request, Throwable error) {
        LOG.log(Level.SEVERE, RequestCorrelation.logPrefix(correlationId) + status + " for " + request + ": "
                + (error == null ? "error response from the container or application"
                        : "unhandled " + error.getClass().getName()), error);
    }

    /**
     * @param request what was asked for ({@link #describe})
     * @param caller  who asked, already safe for a log line (the client address or the verified subject), or null
     * @param reason  the real reason of the refusal (made safe here)
     */
    public void clientError(String correlationId, int status, String request, String caller, String reason) {
        String what = request + ": " + SafeLog.printable(reason, 300);
        String line = RequestCorrelation.logPrefix(correlationId) + status + " for " + what
                + (caller == null ? "" : " (from " + caller + ")");
        if (LOG.isLoggable(clientLevel)) {
            LOG.log(clientLevel, line);
        }
        if (!interval.isZero()) {
            boolean firstOfItsKind = count(status, reason, "correlationId " + correlationId
                    + (caller == null ? "" : " from " + caller) + ", " + what);
            if (firstOfItsKind && !(LOG.isLoggable(clientLevel) && clientLevel.intValue() >= Level.INFO.intValue())) {
                LOG.info(line + " (the first of its kind in this interval; the others are counted in the summary)");
            }
        }
    }

    /** Counts one refusal; true when it is the first of its kind in this interval and may be written at INFO. */
    private boolean count(int status, String reason, String last) {
        String summary;
        boolean first;
        synchronized (this) {
            Instant now = clock.instant();
            summary = windowStart != null && !now.isBefore(windowStart.plus(interval)) ? drain() : null;
            if (windowStart == null) {
                windowStart = now;
            }
            Tally t = tallies.computeIfAbsent(status, s -> new Tally());
            t.count++;
            t.last = last;
            String kind = status + " " + VARIABLE.matcher(reason == null ? "" : reason).replaceAll("#");
            first = kinds.size() < MAX_KINDS && kinds.add(kind);
        }
        write(summary);
        return first;
    }

    /** Writes the summary of the interval so far (the application stops) and starts a new one. */
    public void flush() {
        String summary;
        synchronized (this) {
            summary = drain();
        }
        write(summary);
    }

    /** The summary lines of the current window (null when empty); the next window starts with the next error. */
    private String drain() {
        if (tallies.isEmpty()) {
            kinds.clear();
            windowStart = null;
            return null;
        }
        long seconds = Math.max(1, Duration.between(windowStart, clock.instant()).toSeconds());
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<Integer, Tally> e : tallies.entrySet()) {
            lines.append(lines.length() == 0 ? "" : "\n").append("Bulwark answered ").append(e.getValue().count)
                    .append(e.getValue().count == 1 ? " request" : " requests").append(" with ").append(e.getKey())
                    .append(" in the last ").append(seconds).append("s (last: ").append(e.getValue().last)
                    .append(")");
        }
        tallies.clear();
        kinds.clear();
        windowStart = null;
        return lines.toString();
    }

    private static void write(String summary) {
        if (summary != null) {
            for (String line : summary.split("\n")) {
                LOG.info(line);
            }
        }
    }

    /** "GET /path" with the path made safe for a log line. */
    public static String describe(String method, String uri) {
        return SafeLog.printable(method, 16) + " " + SafeLog.printable(uri, 200);
    }
}
