package dev.bulwark.internal.ratelimit;

import java.util.Optional;

/**
 * Whether the server gives the application the MicroProfile Metrics API, which Bulwark publishes its rate-limit
 * counters through ({@link RateLimitMetrics}). Some servers have none (WildFly 39 dropped MicroProfile Metrics):
 * the counters are then not kept, and the deployment says so once at start-up instead of losing them silently.
 * This class names no Metrics type, so it loads on such servers.
 */
public final class MetricsAvailability {

    /** The class whose presence means the MicroProfile Metrics API is there. */
    static final String API_CLASS = "org.eclipse.microprofile.metrics.MetricRegistry";

    private MetricsAvailability() {
    }

    /** True when {@code loader} (the application's) sees the MicroProfile Metrics API. */
    public static boolean apiPresent(ClassLoader loader) {
        try {
            Class.forName(API_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The start-up line for an application at {@code contextPath}: present when rate limiting is on and the server
     * has no MicroProfile Metrics API.
     */
    public static Optional<String> startupNotice(String contextPath, boolean rateLimiting, boolean apiPresent) {
        if (!rateLimiting || apiPresent) {
            return Optional.empty();
        }
        return Optional.of("Bulwark rate limiting for " + (contextPath.isEmpty() ? "/" : contextPath)
                + ": this server has no MicroProfile Metrics API (" + API_CLASS + "), so the rate-limit counters"
                + " bulwark_ratelimit_decisions_total and bulwark_ratelimit_store_errors_total are not published;"
                + " limits, RateLimit headers and 429 answers work as configured");
    }
}
