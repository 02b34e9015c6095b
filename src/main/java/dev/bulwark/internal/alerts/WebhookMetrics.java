package dev.bulwark.internal.alerts;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The webhook's counters in MicroProfile Metrics (application scope): {@code bulwark_alerts_webhook_delivered_total}
 * and {@code bulwark_alerts_webhook_dropped_total{reason}} ({@code queue-full}, {@code refused}, {@code failed},
 * {@code stopped}). Counted on the audit writer's thread (a full queue) and the sender's. Loaded only when the server
 * has the Metrics API.
 */
public final class WebhookMetrics implements Consumer<String> {

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private WebhookMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The counters in the registry, or null when it is null. */
    public static Consumer<String> of(MetricRegistry registry) {
        return registry == null ? null : new WebhookMetrics(registry);
    }

    @Override
    public void accept(String outcome) {
        counters.computeIfAbsent(outcome, o -> AlertWebhook.DELIVERED.equals(o)
                ? registry.counter("bulwark.alerts.webhook.delivered")
                : registry.counter("bulwark.alerts.webhook.dropped", new Tag("reason", o))).inc();
    }
}
