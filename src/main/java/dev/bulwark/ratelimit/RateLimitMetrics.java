package dev.bulwark.ratelimit;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
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

    /** The application's metric registry, or counters that count nothing when there is none. */
    public static RateLimitMetrics create() {
        try {
            Instance<MetricsBridge> bridge = CDI.current().select(MetricsBridge.class);
            MetricRegistry registry = bridge.isResolvable() ? bridge.get().registry() : null;
            if (registry != null) {
                return new RateLimitMetrics(registry);
            }
        } catch (RuntimeException | LinkageError e) {
            // no MicroProfile Metrics in this server
        }
        LOG.fine("Bulwark rate limiting: no MicroProfile Metrics registry; counters are not kept");
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
