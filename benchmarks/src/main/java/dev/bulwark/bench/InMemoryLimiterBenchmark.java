package dev.bulwark.bench;

import dev.bulwark.internal.ratelimit.InMemoryStore;
import dev.bulwark.internal.ratelimit.RatePolicy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One rate-limit decision, Bulwark's in-memory GCRA store against Bucket4j's local buckets held in a map, the
 * same way: 10 000 client keys, a limit that is never reached (the common, allowed path), keys spread round-robin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryLimiterBenchmark {

    private static final int KEYS = 10_000;

    private final String[] keys = new String[KEYS];
    private final AtomicInteger next = new AtomicInteger();
    private RatePolicy policy;
    private InMemoryStore bulwark;
    private ConcurrentHashMap<String, Bucket> buckets;
    private Bandwidth bandwidth;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = "GET Orders#get|default|ip:10.0." + (i / 256) + "." + (i % 256);
        }
        policy = new RatePolicy("default", 1_000_000_000, Duration.ofMinutes(1));
        bulwark = new InMemoryStore(100_000, Clock.systemUTC());
        buckets = new ConcurrentHashMap<>();
        bandwidth = Bandwidth.builder().capacity(1_000_000_000L).refillGreedy(1_000_000_000L, Duration.ofMinutes(1))
                .build();
    }

    private String key() {
        return keys[(next.getAndIncrement() & Integer.MAX_VALUE) % KEYS];
    }

    @Benchmark
    public boolean bulwarkGcra() {
        return bulwark.acquire(key(), policy).allowed();
    }

    @Benchmark
    public boolean bucket4jLocal() {
        return buckets.computeIfAbsent(key(), k -> Bucket.builder().addLimit(bandwidth).build()).tryConsume(1);
    }
}
