package dev.bulwark.internal.alerts;

import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.time.Duration;

/**
 * A detector's threshold: {@code count} within a sliding {@code window}, written {@code 20/1m} (units ms, s, m, h,
 * d), or {@code off}.
 *
 * @param count  how many (requests, or distinct addresses) within the window raise the alert; 0 when off
 * @param window the sliding window, at most a day
 */
public record Threshold(int count, Duration window) {

    /** A detector switched off. */
    public static final Threshold OFF = new Threshold(0, Duration.ZERO);

    public boolean off() {
        return count == 0;
    }

    /** The parser of {@code N/<amount><unit>} or {@code off}. */
    public static ValueParser<Threshold> parser() {
        return Parsers.of("threshold", "N/window such as 20/1m (units ms, s, m, h, d; N 2 to 100000), or off",
                Threshold::parse);
    }

    static Threshold parse(String raw) throws InvalidValueException {
        if (raw.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = raw.indexOf('/');
        if (slash <= 0) {
            throw new InvalidValueException("not N/window");
        }
        int count;
        try {
            count = Integer.parseInt(raw.substring(0, slash).strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("not a count");
        }
        if (count < 2 || count > 100_000) {
            throw new InvalidValueException("count out of range");
        }
        String w = raw.substring(slash + 1).strip();
        int unitAt = 0;
        while (unitAt < w.length() && Character.isDigit(w.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0 || unitAt > 6) {
            throw new InvalidValueException("not a window");
        }
        long amount = Long.parseLong(w.substring(0, unitAt));
        Duration window = switch (w.substring(unitAt)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new InvalidValueException("unknown unit");
        };
        if (window.isZero() || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("window out of range");
        }
        return new Threshold(count, window);
    }

    @Override
    public String toString() {
        return off() ? "off" : count + "/" + window;
    }
}
