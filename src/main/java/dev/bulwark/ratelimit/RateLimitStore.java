package dev.bulwark.ratelimit;

/**
 * Where rate-limit state lives: in memory (one server) or shared (several). One call per decision, atomic for its
 * key.
 */
public interface RateLimitStore {

    Decision acquire(String key, RatePolicy policy);
}
