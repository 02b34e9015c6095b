package dev.bulwark.internal.audit;

import dev.bulwark.api.SecurityAlert;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code bulwark_alerts_total{detector}} and {@code bulwark_alerts_suppressed_total{detector}} in MicroProfile Metrics (application scope), counted on the audit writer's
 * thread. Loaded only when the server has the Metrics API.
 */
public final class AlertMetrics implements Consumer<SecurityAlert> {

    private final MetricRegistry registry;
    private final Map<SecurityAlert.Detector, Counter> counters = new EnumMap<>(SecurityAlert.Detector.class);
    private final Map<SecurityAlert.Detector, Counter> suppressed = new EnumMap<>(SecurityAlert.Detector.class);

    private AlertMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The counters in the registry, or null when it is null. */
    public static AlertMetrics of(MetricRegistry registry) {
        return registry == null ? null : new AlertMetrics(registry);
    }

    /**
     * {@code bulwark_alerts_store_errors_total}: the calls to the shared windows' Redis that failed (the in-memory
     * windows decided); counts nothing when the registry is null.
     */
    public static Runnable storeErrors(MetricRegistry registry) {
        if (registry == null) {
            return () -> { };
        }
        Counter errors = registry.counter("bulwark.alerts.store.errors");
        return errors::inc;
    }

    @Override
    public void accept(SecurityAlert alert) {
        counters.computeIfAbsent(alert.detector(), d -> registry.counter("bulwark.alerts", tag(d))).inc();
    }

    /** {@code bulwark_alerts_suppressed_total{detector}}: one alert of the detector suppressed beyond the cap. */
    public void suppressed(SecurityAlert.Detector detector) {
        suppressed.computeIfAbsent(detector, d -> registry.counter("bulwark.alerts.suppressed", tag(d))).inc();
    }

    private static Tag tag(SecurityAlert.Detector detector) {
        return new Tag("detector", detector.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
