package dev.bulwark.internal.ratelimit;

import java.util.List;

/**
 * Lua scripts run in the rate limiter's Redis, on its one connection (no second client): the alert detectors'
 * shared windows use it. Each call is one round trip, bounded by {@code bulwark.ratelimit.redis.timeout}.
 */
public interface RedisScripts {

    /**
     * Runs the script (loaded once, then by its SHA) with its keys and arguments; its answer, a list of integers.
     *
     * @throws RuntimeException when Redis fails, is not connected or is slower than the timeout
     */
    List<Long> run(String script, List<String> keys, List<String> args);
}
