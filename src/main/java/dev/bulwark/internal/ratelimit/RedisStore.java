package dev.bulwark.internal.ratelimit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * GCRA in Redis, for several servers: one atomic round trip per decision (a Lua script run with EVALSHA, loaded
 * again on NOSCRIPT), Redis's own clock ({@code TIME}) so server clocks do not matter, keys with an expiry (they
 * vanish once their quota is whole), one key per call (Redis Cluster safe; the variable part is a hash tag).
 * Commands time out after the configured bound; callers fall back on failure ({@link FallbackStore}).
 */
public final class RedisStore implements RateLimitStore, RedisScripts, AutoCloseable {

    /**
     * The GCRA decision both scripts share. KEYS[1]: the key; ARGV[1]: emission interval, ARGV[2]: tolerance, both
     * in microseconds. A refusal returns {0, wait, retry after}.
     */
    private static final String DECIDE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tau = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then tat = now end
            if tat - now > tau then
              return {0, tat - now, tat - tau - now}
            end
            """;

    /** Decides and counts: an allowed request moves the key's theoretical arrival time on. */
    static final String SCRIPT = DECIDE + """
            local new = tat + interval
            redis.call('SET', KEYS[1], string.format('%d', new), 'PX', math.ceil((new - now) / 1000) + 1000)
            return {1, new - now, 0}
            """;

    /** The same decision as {@link #SCRIPT} without counting: reads only. */
    static final String PEEK_SCRIPT = DECIDE + """
            return {1, tat + interval - now, 0}
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private volatile String sha;
    private volatile String peekSha;
    /** The SHA of each script {@link #run} was given (a handful, fixed in Bulwark's code). */
    private final java.util.concurrent.ConcurrentHashMap<String, String> shas =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Connects at once (a failure throws). The connection is named after the key prefix ({@code CLIENT SETNAME}), so
     * that {@code CLIENT LIST} shows which application holds it.
     */
    public RedisStore(String url, Duration timeout, String prefix) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        uri.setClientName(prefix);
        this.client = RedisClient.create(uri);
        this.client.setOptions(io.lettuce.core.ClientOptions.builder()
                .timeoutOptions(io.lettuce.core.TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.connection = client.connect();
        this.connection.setTimeout(timeout);
        this.prefix = prefix;
    }

    @Override
    public Decision decide(String key, RatePolicy policy, boolean count) {
        boolean peek = !count;
        RedisCommands<String, String> redis = connection.sync();
        long interval = Math.max(1, policy.emissionIntervalNanos() / 1_000);
        long tau = policy.window().toNanos() / 1_000 - interval;
        String[] keys = {redisKey(key, policy)};
        List<Long> result;
        try {
            result = redis.evalsha(sha(redis, peek), ScriptOutputType.MULTI, keys, Long.toString(interval),
                    Long.toString(tau));
        } catch (RedisNoScriptException e) {
            if (peek) {
                peekSha = null;
            } else {
                sha = null;
            }
            result = redis.evalsha(sha(redis, peek), ScriptOutputType.MULTI, keys, Long.toString(interval),
                    Long.toString(tau));
        }
        boolean allowed = result.get(0) == 1L;
        long used = result.get(1) * 1_000;
        long retry = result.get(2) * 1_000;
        if (!allowed) {
            return new Decision(false, 0, used, retry);
        }
        long t = policy.emissionIntervalNanos();
        int remaining = (int) Math.max(0, Math.min(policy.limit(), (policy.window().toNanos() - used) / t));
        return new Decision(true, remaining, used, 0);
    }

    @Override
    public List<Long> run(String script, List<String> keys, List<String> args) {
        RedisCommands<String, String> redis = connection.sync();
        String[] k = keys.toArray(String[]::new);
        String[] a = args.toArray(String[]::new);
        String s = shas.computeIfAbsent(script, t -> redis.scriptLoad(t.getBytes(StandardCharsets.UTF_8)));
        try {
            return redis.evalsha(s, ScriptOutputType.MULTI, k, a);
        } catch (RedisNoScriptException e) { // Redis restarted or flushed its scripts
            shas.remove(script);
            s = shas.computeIfAbsent(script, t -> redis.scriptLoad(t.getBytes(StandardCharsets.UTF_8)));
            return redis.evalsha(s, ScriptOutputType.MULTI, k, a);
        }
    }

    private String sha(RedisCommands<String, String> redis, boolean peek) {
        String s = peek ? peekSha : sha;
        if (s == null) {
            s = redis.scriptLoad((peek ? PEEK_SCRIPT : SCRIPT).getBytes(StandardCharsets.UTF_8));
            if (peek) {
                peekSha = s;
            } else {
                sha = s;
            }
        }
        return s;
    }

    /** {@code prefix:{policy|scope|subject}}: one key per decision, its variable part a Cluster hash tag. */
    private String redisKey(String key, RatePolicy policy) {
        return prefix + ":{" + key.replace("{", "(").replace("}", ")") + "|" + policy.limit() + "/"
                + policy.window().toMillis() + "}";
    }

    /** Closes the connection and shuts the client's threads down. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** True once {@link #close()} ran. */
    boolean closed() {
        return closed;
    }
}
