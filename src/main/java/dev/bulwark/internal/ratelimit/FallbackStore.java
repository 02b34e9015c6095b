package dev.bulwark.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shared store with a local fallback. When the shared store fails or is slower than its timeout, decisions go
 * to the fallback (the local in-memory store, or a refusal) and the shared store is not asked again for a
 * pause, so no request waits for a store that is down; then it is tried again and, when it answers, used again.
 * Each change of state is logged once; {@link #failures()} counts failed decisions for metrics.
 */
public final class FallbackStore implements RateLimitStore {

    /** What to do while the shared store is unavailable: count locally, or answer 503. */
    public enum Mode { LOCAL, REJECT }

    /** Thrown in REJECT mode while the shared store is unavailable: the request gets 503, not a count. */
    public static final class StoreUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        StoreUnavailableException(Duration retryAfter) {
            super("the shared rate-limit store is unavailable", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private static final Logger LOG = Logger.getLogger("dev.bulwark.ratelimit");

    private final Supplier<RateLimitStore> shared;
    private final RateLimitStore local;
    private final Mode mode;
    private final Duration pause;
    private final Clock clock;
    private volatile RateLimitStore connected;
    private boolean closed;
    private volatile Instant retryAt = Instant.MIN;
    private volatile boolean degraded;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private final Runnable onFailure;

    /** @param shared connects to the shared store (called again after a failure to connect) */
    public FallbackStore(Supplier<RateLimitStore> shared, RateLimitStore local, Mode mode, Duration pause,
                         Clock clock) {
        this(shared, local, mode, pause, clock, () -> { });
    }

    /** @param onFailure told of every failed call to the shared store (a metric) */
    public FallbackStore(Supplier<RateLimitStore> shared, RateLimitStore local, Mode mode, Duration pause,
                         Clock clock, Runnable onFailure) {
        this.onFailure = onFailure;
        this.shared = shared;
        this.local = local;
        this.mode = mode;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public Decision decide(String key, RatePolicy policy, boolean count) {
        Instant now = clock.instant();
        if (now.isAfter(retryAt) || now.equals(retryAt)) {
            try {
                RateLimitStore store = connect();
                Decision d = store.decide(key, policy, count);
                if (degraded) {
                    degraded = false;
                    LOG.info("Bulwark rate limiting: the shared store answers again; back to shared counts");
                }
                return d;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                onFailure.run();
                retryAt = now.plus(pause);
                if (!degraded) {
                    degraded = true;
                    LOG.log(Level.WARNING, "Bulwark rate limiting: the shared store is unavailable; "
                            + (mode == Mode.LOCAL ? "counting locally" : "refusing limited requests")
                            + " until it answers again", e);
                }
            }
        }
        if (mode == Mode.REJECT) {
            throw new StoreUnavailableException(pause);
        }
        return local.decide(key, policy, count);
    }

    /**
     * The shared store, connecting first if needed. One connection at a time: two requests racing to connect must
     * not both open one (the loser's would never be closed).
     */
    private RateLimitStore connect() {
        RateLimitStore store = connected;
        if (store != null) {
            return store;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the rate-limit store is closed");
            }
            if (connected == null) {
                connected = shared.get();
            }
            return connected;
        }
    }

    /** Closes the shared store's connection (if one was made) and the local store; no connection is made after. */
    @Override
    public void close() {
        RateLimitStore store;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            store = connected;
            connected = null;
        }
        try {
            if (store != null) {
                store.close();
                LOG.info("Bulwark rate limiting: closed the connection to the shared store");
            }
        } finally {
            local.close();
        }
    }

    /**
     * The shared store's scripts, on its connection (made on first use, as for a decision): for the alert windows,
     * which fall back on their own. A call throws while the shared store is unavailable; no decision is affected.
     */
    public RedisScripts scripts() {
        return (script, keys, args) -> scripts(connect()).run(script, keys, args);
    }

    static RedisScripts scripts(RateLimitStore store) {
        if (store instanceof RedisScripts scripts) {
            return scripts;
        }
        throw new IllegalStateException("the shared rate-limit store runs no scripts");
    }

    public boolean degraded() {
        return degraded;
    }

    public long failures() {
        return failures.get();
    }
}
