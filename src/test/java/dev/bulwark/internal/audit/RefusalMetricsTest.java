package dev.bulwark.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.Phase;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class RefusalMetricsTest {

    /** name{tags} -> count, as a registry would keep them. */
    private final Map<String, Long> counts = new TreeMap<>();
    private final List<String> lookups = new ArrayList<>();

    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MetricRegistry.class}, (proxy, m, args) -> {
                    if (!m.getName().equals("counter")) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    StringBuilder id = new StringBuilder((String) args[0]);
                    for (Tag t : (Tag[]) args[1]) {
                        id.append(' ').append(t.getTagName()).append('=').append(t.getTagValue());
                    }
                    String key = id.toString();
                    lookups.add(key);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                            (p, cm, a) -> {
                                if (cm.getName().equals("inc")) {
                                    counts.merge(key, 1L, Long::sum);
                                    return null;
                                }
                                throw new UnsupportedOperationException(cm.getName());
                            });
                });
    }

    @Test
    void everyRefusalIsCountedByControlReasonAndEndpoint() {
        Consumer<AuditEvent> metrics = RefusalMetrics.of(registry());
        Refusal ownership = Refusal.of(Phase.OWNERSHIP, ProblemKind.NOT_FOUND, "not owned");
        for (int i = 0; i < 3; i++) {
            metrics.accept(Events.refused(Events.T0, "203.0.113.7", null, ownership, 404));
        }
        metrics.accept(new AuditEvent(Events.T0, 1, "GET", null, false, "/app/x", 401, -1, 0, "203.0.113.7", null, null, null,
                "id", null, Refusal.of(Phase.BEARER_TOKEN, ProblemKind.UNAUTHORIZED, "expired")));
        assertThat(counts).containsExactly(
                Map.entry("bulwark.refusals control=bearer-token reason=unauthorized endpoint=unmatched", 1L),
                Map.entry("bulwark.refusals control=ownership reason=not-found endpoint=GET /app/api/orders/{id}",
                        3L));
        assertThat(lookups).hasSize(2); // one registry lookup per series, not per request
    }

    @Test
    void successesAndServerErrorsAreNoRefusals() {
        Consumer<AuditEvent> metrics = RefusalMetrics.of(registry());
        metrics.accept(Events.served(Events.T0, "203.0.113.7", null, 200, 10));
        metrics.accept(Events.refused(Events.T0, "203.0.113.7", null,
                new Refusal(Refusal.APPLICATION, "internal", "unhandled x"), 500));
        assertThat(counts).isEmpty();
        assertThat(RefusalMetrics.of(null)).isNull();
    }
}
