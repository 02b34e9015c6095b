package dev.bulwark.internal.alerts;

import dev.bulwark.internal.ratelimit.RedisScripts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The count detectors' windows in the rate limiter's Redis, through its connection ({@link RedisScripts}), so that
 * the requests of every server count together. A count is kept in {@link #BUCKETS} time buckets per window (a
 * counter each, {@code INCR} with an expiry), summed with the current one in the same script: the window slides by a
 * tenth and spans the last nine tenths of it and the current tenth. The distinct addresses of a token are a sorted
 * set (address -> last seen) trimmed to the window and to the threshold. Whichever server's count reaches the
 * threshold first sets the alert key ({@code SET NX PX} for a window), in the same script, so one alert is raised
 * across the servers per key and window. Every key has an expiry; its variable part is hashed (a subject or a token
 * id is long and client-chosen) and is a Redis Cluster hash tag, so one script's keys share a slot.
 *
 * <p>Each window keeps feeding its in-memory twin, which decides while Redis does not answer: a failure (or a call
 * slower than {@code bulwark.ratelimit.redis.timeout}) is counted ({@code onFailure}), logged once, and Redis is left
 * alone for {@link #PAUSE} of event time, then tried again. Not thread-safe: the audit writer's thread only (a
 * request never waits for Redis).
 */
final class SharedWindows {

    /** The buckets of one window. */
    static final int BUCKETS = 10;
    /** How long Redis is left alone after a failure (event time). */
    static final Duration PAUSE = Duration.ofSeconds(1);
    /** Slack on every expiry, for servers whose clocks differ a little. */
    private static final long SLACK_MILLIS = 2_000;

    /**
     * KEYS[1]: the current bucket, KEYS[2..n-1]: the earlier buckets of the window, KEYS[n]: the alert key. ARGV[1]:
     * the threshold, ARGV[2]: a bucket's expiry, ARGV[3]: the window (the alert key's expiry), in milliseconds.
     * Answers {sum, 1 when this call raises the alert}.
     */
    static final String COUNT = """
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            local sum = c
            for i = 2, #KEYS - 1 do
              sum = sum + tonumber(redis.call('GET', KEYS[i]) or '0')
            end
            if sum >= tonumber(ARGV[1]) and redis.call('SET', KEYS[#KEYS], '1', 'NX', 'PX', ARGV[3]) then
              return {sum, 1}
            end
            return {sum, 0}
            """;

    /**
     * KEYS[1]: the token's addresses (member: address, score: last seen), KEYS[2]: the alert key. ARGV[1]: now,
     * ARGV[2]: the window, in milliseconds, ARGV[3]: the address, ARGV[4]: the threshold. Answers {distinct, 1 when
     * this call raises the alert}.
     */
    static final String DISTINCT = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local threshold = tonumber(ARGV[4])
            redis.call('ZADD', KEYS[1], now, ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(threshold + 1))
            redis.call('PEXPIRE', KEYS[1], window + 2000)
            local n = redis.call('ZCARD', KEYS[1])
            if n >= threshold and redis.call('SET', KEYS[2], '1', 'NX', 'PX', window) then
              return {n, 1}
            end
            return {n, 0}
            """;

    private static final Logger LOG = Logger.getLogger("dev.bulwark.alerts");

    /** A hit counted: raised, not raised, or Redis did not answer (the in-memory window decides). */
    enum Answer { RAISE, QUIET, UNAVAILABLE }

    private final RedisScripts redis;
    private final String prefix;
    private final Runnable onFailure;
    private final MessageDigest sha256;
    /** Token and address pairs sent lately: a repeat within a bucket is not sent again (it raises nothing). */
    private final Map<String, Long> sent;
    private long retryAt = Long.MIN_VALUE;
    private boolean degraded;

    /**
     * @param prefix    the rate limiter's key prefix ({@code bulwark.ratelimit.redis.key-prefix}); the alert keys are
     *                  under {@code <prefix>:alerts:}
     * @param maxKeys   the most token and address pairs remembered as sent
     * @param onFailure told of every failed call (the {@code bulwark_alerts_store_errors_total} counter)
     */
    SharedWindows(RedisScripts redis, String prefix, int maxKeys, Runnable onFailure) {
        this.redis = redis;
        this.prefix = prefix + ":alerts:";
        this.onFailure = onFailure;
        this.sent = LruMap.of(maxKeys);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java runtime has it
        }
    }

    /** A sliding count in Redis, its in-memory twin fed too and deciding while Redis does not answer. */
    CountWindow count(String detector, Threshold threshold, SlidingCount local) {
        return (key, now) -> {
            boolean here = local.hit(key, now);
            Answer a = hit(detector, threshold, key, now);
            return a == Answer.UNAVAILABLE ? here : a == Answer.RAISE;
        };
    }

    /** Distinct values per key in Redis, the same way. */
    DistinctWindow distinct(String detector, Threshold threshold, DistinctCount local) {
        return (key, value, now) -> {
            boolean here = local.see(key, value, now);
            Answer a = see(detector, threshold, key, value, now);
            return a == Answer.UNAVAILABLE ? here : a == Answer.RAISE;
        };
    }

    /** Counts one hit of {@code key} in the shared window. */
    Answer hit(String detector, Threshold threshold, String key, long now) {
        if (now < retryAt) {
            return Answer.UNAVAILABLE;
        }
        long window = threshold.window().toMillis();
        long bucketMillis = Math.max(1, window / BUCKETS);
        long bucket = Math.floorDiv(now, bucketMillis);
        String base = base(detector, key);
        List<String> keys = new ArrayList<>(BUCKETS + 1);
        for (int i = 0; i < BUCKETS; i++) {
            keys.add(base + (bucket - i));
        }
        keys.add(base + "alert");
        return call(COUNT, keys, List.of(Integer.toString(threshold.count()),
                Long.toString(window + bucketMillis + SLACK_MILLIS), Long.toString(window)), now);
    }

    /** Notes {@code value} for {@code key} in the shared window. */
    Answer see(String detector, Threshold threshold, String key, String value, long now) {
        if (now < retryAt) {
            return Answer.UNAVAILABLE;
        }
        long window = threshold.window().toMillis();
        String pair = key + '\n' + value;
        Long last = sent.get(pair);
        if (last != null && now - last < Math.max(1, window / BUCKETS) && now >= last) {
            return Answer.QUIET; // sent lately: its score moves on a little later, and a repeat raises nothing
        }
        String base = base(detector, key);
        Answer a = call(DISTINCT, List.of(base + "seen", base + "alert"), List.of(Long.toString(now),
                Long.toString(window), value, Integer.toString(threshold.count())), now);
        if (a != Answer.UNAVAILABLE) {
            sent.put(pair, now);
        }
        return a;
    }

    private Answer call(String script, List<String> keys, List<String> args, long now) {
        List<Long> answer;
        try {
            answer = redis.run(script, keys, args);
        } catch (RuntimeException e) {
            onFailure.run();
            retryAt = now + PAUSE.toMillis();
            if (!degraded) {
                degraded = true;
                LOG.log(Level.WARNING, "Bulwark alerts: the shared store is unavailable (" + e.getClass().getName()
                        + "); the count detectors count on this server until it answers again");
            }
            return Answer.UNAVAILABLE;
        }
        if (degraded) {
            degraded = false;
            LOG.info("Bulwark alerts: the shared store answers again; back to shared windows");
        }
        return answer.size() > 1 && answer.get(1) == 1L ? Answer.RAISE : Answer.QUIET;
    }

    /** {@code <prefix>:alerts:{<detector>:<hash of the key>}:}: the key's hash a Cluster hash tag. */
    String base(String detector, String key) {
        byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 15));
        return prefix + "{" + detector + ":" + hash + "}:";
    }

    /** True while Redis is failing (logged once). */
    boolean degraded() {
        return degraded;
    }
}
