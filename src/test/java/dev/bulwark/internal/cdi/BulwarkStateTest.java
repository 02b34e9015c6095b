package dev.bulwark.internal.cdi;

import dev.bulwark.internal.observe.ObserveSettings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import dev.bulwark.internal.ratelimit.FallbackStore;
import dev.bulwark.internal.ratelimit.InMemoryStore;
import dev.bulwark.internal.ratelimit.RateLimitStore;
import dev.bulwark.internal.ratelimit.RatePolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulwarkStateTest {

    private static BulwarkConfig config(String... pairs) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        ConfigLoader.Result r = ConfigLoader.load(k -> Optional.ofNullable(values.get(k)));
        assertThat(r.problems()).isEmpty();
        return r.config();
    }

    /** A Redis store that cannot be reached: the fallback store answers from memory (or refuses). */
    private static FallbackStore unreachable(FallbackStore.Mode mode) {
        MutableClock clock = MutableClock.atEpochSecond(1_790_000_000L);
        FallbackStore store = new FallbackStore(() -> {
            throw new IllegalStateException("connection refused");
        }, new InMemoryStore(100, clock), mode, Duration.ofSeconds(1), clock, () -> { });
        try {
            store.decide("k", RatePolicy.parse("p", "10/1m"), true);
        } catch (RuntimeException refusedWhileDown) {
            // REJECT: the request is refused while the store is down
        }
        return store;
    }

    @Test
    void memoryStoreAndNoTokensByDefault() {
        BulwarkConfig c = config();
        BulwarkState s = BulwarkState.of(c.rateLimiting(), null, c.jwt(), null, 0, ObserveSettings.NONE);
        assertThat(s).isEqualTo(new BulwarkState(true, "memory", "not used", 0, "off"));
        assertThat(BulwarkReadiness.data(s)).containsExactly(Map.entry("rate-limit-store", "memory"),
                Map.entry("jwks", "not used"), Map.entry("audit-events-dropped", "0"), Map.entry("observe", "off"));
    }

    @Test
    void observedControlsAreInTheReadinessData() {
        BulwarkConfig c = config("bulwark.observe", "rate-limit, cors");
        BulwarkState s = BulwarkState.of(c.rateLimiting(), null, c.jwt(), null, 0, c.observe());
        assertThat(BulwarkReadiness.data(s)).containsEntry("observe", "enforcement OFF for cors, rate-limit");
        assertThat(s.up()).isTrue();
    }

    @Test
    void redisUnreachableIsReadyWithTheLocalFallbackAndNotWithReject() {
        BulwarkConfig local = config("bulwark.ratelimit.store", "REDIS");
        assertThat(BulwarkState.of(local.rateLimiting(), null, local.jwt(), null, 0, ObserveSettings.NONE)
                .rateLimitStore())
                .isEqualTo("redis (not used yet)");
        BulwarkState fallback = BulwarkState.of(local.rateLimiting(), unreachable(FallbackStore.Mode.LOCAL),
                local.jwt(), null, 3, ObserveSettings.NONE);
        assertThat(fallback).isEqualTo(new BulwarkState(true, "local fallback (redis unreachable)", "not used", 3,
                "off"));

        BulwarkConfig reject = config("bulwark.ratelimit.store", "REDIS", "bulwark.ratelimit.redis.fallback",
                "REJECT");
        BulwarkState down = BulwarkState.of(reject.rateLimiting(), unreachable(FallbackStore.Mode.REJECT),
                reject.jwt(), null, 0, ObserveSettings.NONE);
        assertThat(down.up()).isFalse();
    }

    @Test
    void aHealthyRedisStoreIsReported() {
        BulwarkConfig c = config("bulwark.ratelimit.store", "REDIS");
        RateLimitStore healthy = new FallbackStore(() -> new InMemoryStore(10, MutableClock.atEpochSecond(1)),
                new InMemoryStore(10, MutableClock.atEpochSecond(1)), FallbackStore.Mode.LOCAL, Duration.ofSeconds(1),
                MutableClock.atEpochSecond(1), () -> { });
        assertThat(BulwarkState.of(c.rateLimiting(), healthy, c.jwt(), null, 0, ObserveSettings.NONE).rateLimitStore())
                .isEqualTo("redis");
    }
}
