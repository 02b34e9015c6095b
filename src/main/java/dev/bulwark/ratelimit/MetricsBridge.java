package dev.bulwark.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Reaches the application's MetricRegistry through a real injection point (MicroProfile Metrics producers read
 * it, so a programmatic lookup fails). Added to the deployment by the extension only when the Metrics API is there.
 */
@ApplicationScoped
public class MetricsBridge {

    @Inject
    Instance<MetricRegistry> registry;

    /** The registry, or null when the server has no MicroProfile Metrics. */
    public MetricRegistry registry() {
        try {
            return registry.isResolvable() ? registry.get() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
