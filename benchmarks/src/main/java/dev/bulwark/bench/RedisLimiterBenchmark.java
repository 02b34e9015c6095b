package dev.bulwark.bench;

import dev.bulwark.internal.ratelimit.RatePolicy;
import dev.bulwark.internal.ratelimit.RedisStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One shared rate-limit decision against the same local redis-server: Bulwark's Redis store (one EVALSHA) against
 * Bucket4j's Lettuce proxy manager (compare-and-swap). Needs a redis-server at {@code redis.url}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RedisLimiterBenchmark {

    @Param("redis://127.0.0.1:6390")
    public String redisUrl;

    private static final int KEYS = 1_000;
    private final AtomicInteger next = new AtomicInteger();
    private RatePolicy policy;
    private RedisStore bulwark;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private LettuceBasedProxyManager<String> bucket4j;
    private BucketConfiguration configuration;

    @Setup(Level.Trial)
    public void setUp() {
        policy = new RatePolicy("default", 1_000_000_000, Duration.ofMinutes(1));
        bulwark = new RedisStore(redisUrl, Duration.ofSeconds(2), "bench:bulwark");
        client = RedisClient.create(redisUrl);
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        bucket4j = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(1))).build();
        configuration = BucketConfiguration.builder().addLimit(Bandwidth.builder().capacity(1_000_000_000L)
                .refillGreedy(1_000_000_000L, Duration.ofMinutes(1)).build()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bulwark.close();
        connection.close();
        client.shutdown();
    }

    private String key() {
        return "client-" + ((next.getAndIncrement() & Integer.MAX_VALUE) % KEYS);
    }

    @Benchmark
    public boolean bulwarkRedis() {
        return bulwark.acquire(key(), policy).allowed();
    }

    @Benchmark
    public boolean bucket4jLettuce() {
        return bucket4j.getProxy("bench:b4j:" + key(), () -> configuration).tryConsume(1);
    }
}
