package dev.bulwark.bench;

import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.versioning.VersionResolver;
import dev.bulwark.internal.versioning.VersionUsage;
import dev.bulwark.internal.versioning.Versions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * What API versioning adds to a request once a deployment schedules a version (docs/versioning.md): finding the
 * request's version among the scheduled prefixes, where it stands on the clock, counting the call, and writing the
 * precomputed lifecycle headers; and the cost for a request outside every scheduled version. A deployment without
 * a schedule pays one null check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VersioningBenchmark {

    private Versions versions;
    private VersionUsage usage;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchMethodException {
        Map<String, String> properties = Map.of("bulwark.versioning.versions", "v1, v2",
                "bulwark.versioning.versions.v1.deprecated", "2026-06-01T00:00:00Z",
                "bulwark.versioning.versions.v1.sunset", "2099-06-01T00:00:00Z",
                "bulwark.versioning.versions.v1.successor", "v2",
                "bulwark.versioning.versions.v1.link", "https://developer.example.com/migrate-to-v2");
        ConfigLoader.Result result = ConfigLoader.load(key -> Optional.ofNullable(properties.get(key)));
        if (!result.ok()) {
            throw new IllegalStateException(result.problems().toString());
        }
        BulwarkConfig config = result.config();
        List<EndpointSite> sites = new ArrayList<>();
        for (String path : List.of("/shop/api/v1/orders", "/shop/api/v1/orders/{id}", "/shop/api/v2/orders",
                "/shop/api/v2/orders/{id}", "/shop/api/status")) {
            sites.add(new EndpointSite(EndpointSite.Kind.RESOURCE, VersioningBenchmark.class,
                    VersioningBenchmark.class.getMethod("deprecatedVersion"), null, "GET", path, List.of(), List.of(),
                    null));
        }
        EndpointModel model = EndpointModel.build(List.of(new VersionResolver(config.versioning())), sites);
        versions = Versions.of(config.versioning(), model.policies(), Clock.systemUTC());
        usage = new VersionUsage((version, client) -> { }, config.versioning().maxClients());
    }

    /** A request for the deprecated v1: matched, counted for its client, its three headers written. */
    @Benchmark
    public int deprecatedVersion() {
        Versions.Match match = versions.match("/shop/api/v1/orders/1003", name -> null);
        usage.record(match, "shop-web", "alice", "c");
        HotPathBenchmark.MapHeaders response = new HotPathBenchmark.MapHeaders();
        Versions.write(match, response, response::set, name -> java.util.List.of());
        return response.values.size();
    }

    /** A request for an unscheduled version: the prefix comparison only. */
    @Benchmark
    public Versions.Match otherVersion() {
        return versions.match("/shop/api/v2/orders/1003", name -> null);
    }
}
