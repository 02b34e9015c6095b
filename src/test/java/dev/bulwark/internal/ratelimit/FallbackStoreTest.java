package dev.bulwark.internal.ratelimit;

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
    private final AtomicInteger sharedCloses = new AtomicInteger();
    private final RateLimitStore shared = new RateLimitStore() {
        @Override
        public Decision decide(String key, RatePolicy p, boolean count) {
            sharedCalls.incrementAndGet();
            if (down.get()) {
                throw new IllegalStateException("connection refused");
            }
            return new Decision(true, 41, 0, 0);
        }

        @Override
        public void close() {
            sharedCloses.incrementAndGet();
        }
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

    @Test
    void peekingCountsNothingLocallyEither() {
        down.set(true);
        FallbackStore store = new FallbackStore(() -> shared, new InMemoryStore(100, clock),
                FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(store.peek("k", policy).allowed()).isTrue();
        }
        store.acquire("k", policy);
        store.acquire("k", policy);
        assertThat(store.peek("k", policy).allowed()).as("the local limit is spent").isFalse();
    }

    @Test
    void closingLetsGoOfTheSharedStoreOnceAndConnectsNoMore() {
        AtomicInteger connects = new AtomicInteger();
        FallbackStore store = new FallbackStore(() -> {
            connects.incrementAndGet();
            return shared;
        }, new InMemoryStore(100, clock), FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        store.close();
        assertThat(sharedCloses.get()).as("never connected: nothing to close").isZero();
        assertThat(connects.get()).isZero();

        FallbackStore used = new FallbackStore(() -> {
            connects.incrementAndGet();
            return shared;
        }, new InMemoryStore(100, clock), FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        assertThat(used.acquire("k", policy).remaining()).isEqualTo(41);
        used.close();
        used.close();
        assertThat(sharedCloses.get()).as("closed exactly once").isEqualTo(1);
        // a late request after the application stopped: counted locally, no new connection
        clock.advance(Duration.ofSeconds(5));
        assertThat(used.acquire("k", policy).allowed()).isTrue();
        assertThat(connects.get()).isEqualTo(1);
    }

    @Test
    void requestsRacingToConnectOpenOneConnection() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        java.util.concurrent.CountDownLatch inConnect = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FallbackStore store = new FallbackStore(() -> {
            connects.incrementAndGet();
            inConnect.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return shared;
        }, new InMemoryStore(100, clock), FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            java.util.List<java.util.concurrent.Future<Decision>> results = new java.util.ArrayList<>();
            results.add(pool.submit(() -> store.acquire("k", policy)));
            inConnect.await();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> store.acquire("k", policy)));
            }
            // all three are now stuck behind the first connection attempt (or, racing, inside a second one)
            while (threads.size() < 4 || threads.subList(1, 4).stream().anyMatch(t -> t.getState() != Thread.State.BLOCKED
                    && t.getState() != Thread.State.WAITING)) {
                Thread.onSpinWait();
            }
            release.countDown();
            for (var r : results) {
                assertThat(r.get().remaining()).isEqualTo(41);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(connects.get()).isEqualTo(1);
    }
}
