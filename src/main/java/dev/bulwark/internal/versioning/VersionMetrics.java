package dev.bulwark.internal.versioning;

import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The usage counters in MicroProfile Metrics (application scope): {@code bulwark_versioning_calls_total{version,
 * client}}. Loaded only when the server has the Metrics API.
 */
public final class VersionMetrics implements VersionUsage.Counters {

    private final MetricRegistry registry;
    /** Looked up once per version and client (bounded by the versions and the client cap). */
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

    private VersionMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Counters in the registry, or none when it is null. */
    public static VersionUsage.Counters of(MetricRegistry registry) {
        return registry == null ? VersionUsage.Counters.NONE : new VersionMetrics(registry);
    }

    @Override
    public void increment(String version, String client) {
        counters.computeIfAbsent(version + "|" + client, k -> registry.counter("bulwark.versioning.calls",
                new Tag("version", version), new Tag("client", client))).inc();
    }
}
