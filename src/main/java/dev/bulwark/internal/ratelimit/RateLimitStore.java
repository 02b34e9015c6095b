package dev.bulwark.internal.ratelimit;

/**
 * Where rate-limit state lives: in memory (one server) or shared (several). One call per decision, atomic for its
 * key. A store may hold a connection: {@link #close()} lets go of it when the application stops.
 */
public interface RateLimitStore extends AutoCloseable {

    /**
     * Answers whether a request under the key is allowed now. With {@code count} the request is counted against the
     * key; without, nothing is counted and no key is created: the answer is what counting would answer.
     */
    Decision decide(String key, RatePolicy policy, boolean count);

    /** Counts one request against the key and answers whether it is allowed. */
    default Decision acquire(String key, RatePolicy policy) {
        return decide(key, policy, true);
    }

    /** What {@link #acquire} would answer now, without counting anything (and without creating the key). */
    default Decision peek(String key, RatePolicy policy) {
        return decide(key, policy, false);
    }

    /** Releases what the store holds (connections, threads). Idempotent; nothing to do by default. */
    @Override
    default void close() {
    }
}
