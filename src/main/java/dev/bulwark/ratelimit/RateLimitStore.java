package dev.bulwark.ratelimit;

/**
 * Where rate-limit state lives: in memory (one server) or shared (several). One call per decision, atomic for its
 * key. A store may hold a connection: {@link #close()} lets go of it when the application stops.
 */
public interface RateLimitStore extends AutoCloseable {

    /** Counts one request against the key and answers whether it is allowed. */
    Decision acquire(String key, RatePolicy policy);

    /** What {@link #acquire} would answer now, without counting anything (and without creating the key). */
    Decision peek(String key, RatePolicy policy);

    /** Releases what the store holds (connections, threads). Idempotent; nothing to do by default. */
    @Override
    default void close() {
    }
}
