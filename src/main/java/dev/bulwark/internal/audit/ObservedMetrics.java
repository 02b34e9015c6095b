package dev.bulwark.internal.audit;

import dev.bulwark.internal.observe.Observation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The observe-mode counter in MicroProfile Metrics (application scope):
 * {@code bulwark_observed_refusals_total{control, kind, endpoint}}, one per refusal an observed control would have
 * made ({@code bulwark.observe}), whatever the response then was. The tags come from closed sets (the observable
 * controls, the problem kinds, the deployment's routes or {@code unmatched}). Counted on the audit writer's thread.
 */
public final class ObservedMetrics implements Consumer<AuditEvent> {

    private final MetricRegistry registry;
    /** Looked up once per control, kind and endpoint (the writer thread only). */
    private final Map<String, Counter> counters = new HashMap<>();

    private ObservedMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The counter in the registry, or null when it is null (the server has no MicroProfile Metrics). */
    public static Consumer<AuditEvent> of(MetricRegistry registry) {
        return registry == null ? null : new ObservedMetrics(registry);
    }

    @Override
    public void accept(AuditEvent event) {
        String endpoint = event.route() == null ? RefusalMetrics.UNMATCHED : event.route();
        for (Observation o : event.observed()) {
            counters.computeIfAbsent(o.control() + '|' + o.kind() + '|' + endpoint, k -> registry.counter(
                    "bulwark.observed.refusals", new Tag("control", o.control()), new Tag("kind", o.kind()),
                    new Tag("endpoint", endpoint))).inc();
        }
    }
}
