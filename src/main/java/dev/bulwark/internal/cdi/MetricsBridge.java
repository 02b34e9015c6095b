package dev.bulwark.internal.cdi;

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

    /** The application's registry through this bridge bean, or null when the server has no MicroProfile Metrics. */
    static MetricRegistry lookup() {
        try {
            Instance<MetricsBridge> bridge = jakarta.enterprise.inject.spi.CDI.current().select(MetricsBridge.class);
            return bridge.isResolvable() ? bridge.get().registry() : null;
        } catch (RuntimeException | LinkageError e) {
            return null; // no MicroProfile Metrics in this server
        }
    }
}
