package dev.bulwark.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;

/**
 * Builds the configured store. The Redis store is created reflectively, so that Lettuce (an optional dependency)
 * is only loaded by applications that choose it.
 */
public final class SharedStores {

    /** How long the shared store is left alone after a failure before it is tried again. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private SharedStores() {
    }

    public static RateLimitStore create(RateLimitSettings config, RateLimitMetrics metrics) {
        return create(config, metrics, null);
    }

    /**
     * @param redisUrl the Redis URL as it is now (a secret file that may be rotated), asked before each decision;
     *                 null for the configured one
     */
    public static RateLimitStore create(RateLimitSettings config, RateLimitMetrics metrics,
                                        java.util.function.Supplier<String> redisUrl) {
        InMemoryStore local = new InMemoryStore(config.maxKeys(), Clock.systemUTC());
        if (config.store() == RateLimitStoreKind.MEMORY) {
            return local;
        }
        java.util.function.Supplier<RateLimitStore> shared = redisUrl == null ? () -> redis(config, config.redisUrl())
                : () -> new RotatingStore(redisUrl, url -> redis(config, url));
        return new FallbackStore(shared, local, config.fallback(), RETRY_PAUSE, Clock.systemUTC(),
                metrics::storeError);
    }

    /** True when the Redis client library is available to the application. */
    public static boolean redisAvailable(ClassLoader loader) {
        try {
            Class.forName("io.lettuce.core.RedisClient", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static RateLimitStore redis(RateLimitSettings config, String url) {
        try {
            return (RateLimitStore) Class.forName("dev.bulwark.internal.ratelimit.RedisStore")
                    .getConstructor(String.class, Duration.class, String.class)
                    .newInstance(url, config.redisTimeout(), config.redisPrefix());
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the Redis store needs io.lettuce:lettuce-core", e);
        }
    }
}
