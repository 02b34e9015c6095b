package dev.bulwark.internal.ratelimit;

/**
 * The generic cell rate algorithm on one stored number, the theoretical arrival time (TAT). With emission
 * interval {@code T = window / limit} and tolerance {@code tau = window - T}, a request at {@code now} is allowed
 * when {@code max(TAT, now) - now <= tau}, and then moves TAT on by T. Exact retry times, constant state per key.
 */
public final class Gcra {

    private Gcra() {
    }

    /** The outcome and the TAT to store (unchanged when refused). */
    public record Step(Decision decision, long newTat) {
    }

    public static Step step(long storedTat, long now, RatePolicy policy) {
        long t = policy.emissionIntervalNanos();
        long tau = policy.window().toNanos() - t;
        long tat = Math.max(storedTat, now);
        if (tat - now > tau) {
            long retry = tat - tau - now;
            return new Step(new Decision(false, 0, tat - now, retry), storedTat);
        }
        long newTat = tat + t;
        long used = newTat - now;
        int remaining = (int) Math.max(0, Math.min(policy.limit(), (policy.window().toNanos() - used) / t));
        return new Step(new Decision(true, remaining, used, 0), newTat);
    }
}
