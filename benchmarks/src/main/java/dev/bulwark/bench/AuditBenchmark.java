package dev.bulwark.bench;

import dev.bulwark.internal.alerts.AlertKeys;
import dev.bulwark.internal.alerts.Detectors;
import dev.bulwark.internal.audit.AuditEvent;
import dev.bulwark.internal.audit.AuditLog;
import dev.bulwark.internal.audit.EcsLine;
import dev.bulwark.internal.controls.ConfigLoader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the audit log costs (docs/audit.md). On the request's thread: {@code handOver}, the event record built from
 * references and offered to the bounded queue, with the writer thread running behind it (formatting each line and
 * writing it to a sink that discards it), so the offer meets the writer as it would on a server. On the writer's
 * thread, per event: {@code line}, the ECS line of a served request; {@code detectors}, every detector on it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuditBenchmark {

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private AuditLog log;
    private JsonObject claims;
    private AuditEvent served;
    private Detectors detectors;
    private long tick;

    @Setup(Level.Trial)
    public void setUp() {
        claims = Json.createObjectBuilder().add("sub", "f4c1e2d0-5b7a-4c1e-9d2f-3a4b5c6d7e8f")
                .add("azp", "shop-web").add("jti", "0b6c2c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e").build();
        served = event(System.currentTimeMillis());
        log = new AuditLog(65_536, (line, warning) -> { }, List.of(), Clock.systemUTC());
        log.start(Thread::new);
        detectors = new Detectors(ConfigLoader.load(key -> Optional.empty()).config().settings(AlertKeys.CONCERN),
                alert -> { });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
        System.out.println("audit events dropped (queue full): " + log.dropped());
    }

    private AuditEvent event(long millis) {
        return new AuditEvent(millis, 850_000L, "GET", "GET /shop/api/orders/{id}", true, "/shop/api/orders/1003",
                200, -1, 512, "203.0.113.7", claims, null, USER_AGENT, "4bf92f3577b34da6a3ce929d0e0e4736", null,
                null);
    }

    /** The request thread's part: the event built and offered (the filter adds one clock read and a nanoTime). */
    @Benchmark
    public boolean handOver() {
        return log.record(event(System.currentTimeMillis()));
    }

    /** The writer's part for one event: its ECS line. */
    @Benchmark
    public String line() {
        return EcsLine.of(served);
    }

    /** The writer's part for one event: every detector on a served request of a verified subject. */
    @Benchmark
    public Detectors detectors() {
        detectors.accept(event(1_790_000_000_000L + (tick += 50)));
        return detectors;
    }
}
