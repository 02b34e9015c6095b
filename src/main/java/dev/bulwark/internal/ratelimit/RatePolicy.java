package dev.bulwark.internal.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One limit: at most {@code limit} requests per {@code window}, all of which may come at once (a burst), then
 * spaced by {@code window / limit} (GCRA). {@code name} appears in the RateLimit-Policy and RateLimit fields.
 */
public record RatePolicy(String name, int limit, Duration window) {

    /** The longest window: about 273 years, far below what nanosecond arithmetic can hold. */
    static final Duration MAX_WINDOW = Duration.ofDays(100_000);

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,9})\\s*(ms|s|m|h|d)");

    public RatePolicy {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate needs a positive limit and window");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            // beyond it the window overflows the nanosecond arithmetic of the limiter and the baseline's comparison
            throw new IllegalArgumentException("a window longer than " + MAX_WINDOW.toDays() + " days");
        }
        if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a policy name is a lower-case token");
        }
    }

    /**
     * Whether this rate lets more through than {@code other}: a larger burst, or a faster sustained rate (compared
     * exactly, {@code limit / window} without division). How a central baseline's rate is held.
     */
    public boolean allowsMoreThan(RatePolicy other) {
        boolean faster = (double) limit * other.window.toNanos() > (double) other.limit * window.toNanos();
        return limit > other.limit || faster;
    }

    /** Nanoseconds between two requests at the sustained rate. */
    public long emissionIntervalNanos() {
        return Math.max(1, window.toNanos() / limit);
    }

    /** Parses {@code 100/1m}, {@code 10/s}, {@code 5000/1h}: a count per duration. Null when not that form. */
    public static RatePolicy parse(String name, String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        if (amount == 0) {
            return null;
        }
        Duration unit = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new RatePolicy(name, Integer.parseInt(m.group(1)), unit);
    }
}
