package dev.bulwark.internal.ratelimit;

/**
 * The answer for one request under one policy: allowed or not, how many requests remain right now, when the
 * quota is whole again, and (when refused) when to retry. Times in nanoseconds from now.
 */
public record Decision(boolean allowed, int remaining, long resetNanos, long retryAfterNanos) {

    /** Retry-After in whole seconds, rounded up (RFC 9110 delta-seconds; never 0 for a refusal). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** Seconds until the quota is whole again, rounded up. */
    public long resetSeconds() {
        return (Math.max(0, resetNanos) + 999_999_999L) / 1_000_000_000L;
    }
}
