package dev.bulwark.internal.ratelimit;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A shared store whose connection URL (and so its credentials) may change while the application runs: a rotated
 * secret file. Before each decision the current URL is asked for (a cheap look); when it differs from the one the
 * connection was made with, a new connection is made with it and the old one closed. A new connection that fails
 * throws (the {@link FallbackStore} around counts locally meanwhile) and is tried again on the next decision. The
 * URL itself is never logged (it holds the password).
 */
public final class RotatingStore implements RateLimitStore, RedisScripts {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.ratelimit");

    private final Supplier<String> url;
    private final Function<String, RateLimitStore> connect;
    private volatile String connectedUrl;
    private volatile RateLimitStore store;

    /** Connects at once with the current URL (a failure throws). */
    public RotatingStore(Supplier<String> url, Function<String, RateLimitStore> connect) {
        this.url = url;
        this.connect = connect;
        String u = url.get();
        this.store = connect.apply(u);
        this.connectedUrl = u;
    }

    @Override
    public Decision decide(String key, RatePolicy policy, boolean count) {
        return current().decide(key, policy, count);
    }

    @Override
    public java.util.List<Long> run(String script, java.util.List<String> keys, java.util.List<String> args) {
        return FallbackStore.scripts(current()).run(script, keys, args);
    }

    private RateLimitStore current() {
        String u = url.get();
        if (u.equals(connectedUrl)) {
            return store;
        }
        RateLimitStore old;
        RateLimitStore fresh;
        synchronized (this) {
            if (u.equals(connectedUrl)) {
                return store;
            }
            fresh = connect.apply(u); // throws: the old connection stays until a new one works
            old = store;
            store = fresh;
            connectedUrl = u;
        }
        LOG.info("Bulwark rate limiting: the Redis URL changed (secret files); connected again with the new one");
        old.close();
        return fresh;
    }

    @Override
    public synchronized void close() {
        store.close();
    }
}
