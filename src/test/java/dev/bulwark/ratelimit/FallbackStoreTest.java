package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FallbackStoreTest {

    private final MutableClock clock = MutableClock.atEpochSecond(5_000);
    private final RatePolicy policy = new RatePolicy("default", 2, Duration.ofMinutes(1));
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicInteger sharedCalls = new AtomicInteger();
    private final RateLimitStore shared = (key, p) -> {
        sharedCalls.incrementAndGet();
        if (down.get()) {
            throw new IllegalStateException("connection refused");
        }
        return new Decision(true, 41, 0, 0);
    };

    @Test
    void usesTheSharedStoreThenFallsBackLocallyAndRecovers() {
        FallbackStore store = new FallbackStore(() -> shared, new InMemoryStore(100, clock),
                FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        assertThat(store.acquire("k", policy).remaining()).isEqualTo(41);
        down.set(true);
        assertThat(store.acquire("k", policy).remaining()).as("local count").isEqualTo(1);
        assertThat(store.degraded()).isTrue();
        int calls = sharedCalls.get();
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(store.acquire("k", policy).allowed()).as("the local limit holds").isFalse();
        assertThat(sharedCalls.get()).as("no call to a store that is down during the pause").isEqualTo(calls);
        assertThat(store.failures()).isEqualTo(1);
        down.set(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.acquire("k", policy).remaining()).isEqualTo(41);
        assertThat(store.degraded()).isFalse();
    }

    @Test
    void rejectModeRefusesWhileTheSharedStoreIsDown() {
        down.set(true);
        FallbackStore store = new FallbackStore(() -> shared, new InMemoryStore(100, clock),
                FallbackStore.Mode.REJECT, Duration.ofSeconds(1), clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.acquire("k", policy))
                .isInstanceOf(FallbackStore.StoreUnavailableException.class)
                .satisfies(e -> assertThat(((FallbackStore.StoreUnavailableException) e).retryAfter())
                        .isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void aStoreThatCannotConnectIsRetriedAfterThePause() {
        AtomicInteger connects = new AtomicInteger();
        FallbackStore store = new FallbackStore(() -> {
            connects.incrementAndGet();
            throw new IllegalStateException("no route");
        }, new InMemoryStore(100, clock), FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        store.acquire("k", policy);
        store.acquire("k", policy);
        assertThat(connects.get()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        store.acquire("k", policy);
        assertThat(connects.get()).isEqualTo(2);
    }
}
