package dev.bulwark.internal.ratelimit;

import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Rate-limit counters in MicroProfile Metrics (application scope), when the server has it:
 * {@code bulwark_ratelimit_decisions_total{policy, outcome="allowed|limited"}} and
 * {@code bulwark_ratelimit_store_errors_total}. Without MicroProfile Metrics they are simply not kept.
 */
public final class RateLimitMetrics {

    private static final Logger LOG = Logger.getLogger("dev.bulwark.ratelimit");
    private static final RateLimitMetrics NONE = new RateLimitMetrics(null);

    private final MetricRegistry registry;
    /** Counters are looked up once per policy and outcome: a registry lookup per request costs more than the limit. */
    private final java.util.concurrent.ConcurrentHashMap<String, Counter> counters =
            new java.util.concurrent.ConcurrentHashMap<>();

    private RateLimitMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Counters in the application's metric registry; counters that count nothing when it is null. */
    public static RateLimitMetrics of(MetricRegistry registry) {
        if (registry == null) {
            LOG.fine("Bulwark rate limiting: no MicroProfile Metrics registry; counters are not kept");
            return NONE;
        }
        return new RateLimitMetrics(registry);
    }

    /** Counters that count nothing. */
    public static RateLimitMetrics none() {
        return NONE;
    }

    public void decision(String policy, boolean allowed) {
        if (registry != null) {
            String outcome = allowed ? "allowed" : "limited";
            counters.computeIfAbsent(policy + "|" + outcome, k -> registry.counter("bulwark.ratelimit.decisions",
                    new Tag("policy", policy), new Tag("outcome", outcome))).inc();
        }
    }

    public void storeError() {
        if (registry != null) {
            counters.computeIfAbsent("|store-errors", k -> registry.counter("bulwark.ratelimit.store.errors")).inc();
        }
    }
}
