package dev.bulwark.internal.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The refusal counters in MicroProfile Metrics (application scope):
 * {@code bulwark_refusals_total{control, reason, endpoint}} for every request answered 4xx with a known refusal
 * (every Bulwark control, and the application's and container's own 4xx as {@code application} / {@code container}),
 * {@code endpoint} being the matched route template or {@code unmatched}. The tags come from small closed sets (the
 * controls, the problem kinds, the deployment's routes), so the series are bounded. Counted on the audit writer's
 * thread. Loaded only when the server has the Metrics API.
 */
public final class RefusalMetrics implements Consumer<AuditEvent> {

    /** The endpoint tag of a request no resource method matched. */
    public static final String UNMATCHED = "unmatched";

    private final MetricRegistry registry;
    /** Looked up once per control, reason and endpoint (the writer thread only). */
    private final Map<String, Counter> counters = new HashMap<>();

    private RefusalMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The counters in the registry, or null when it is null (the server has no MicroProfile Metrics). */
    public static Consumer<AuditEvent> of(MetricRegistry registry) {
        return registry == null ? null : new RefusalMetrics(registry);
    }

    @Override
    public void accept(AuditEvent event) {
        Refusal refusal = event.refusal();
        if (refusal == null || event.status() < 400 || event.status() >= 500) {
            return;
        }
        String endpoint = event.route() == null ? UNMATCHED : event.route();
        counters.computeIfAbsent(refusal.control() + '|' + refusal.kind() + '|' + endpoint, k -> registry.counter(
                "bulwark.refusals", new Tag("control", refusal.control()), new Tag("reason", refusal.kind()),
                new Tag("endpoint", endpoint))).inc();
    }
}
