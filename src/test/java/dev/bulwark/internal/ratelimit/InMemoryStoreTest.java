package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

    private final MutableClock clock = MutableClock.atEpochSecond(1_000_000);
    private final RatePolicy tenPerMinute = new RatePolicy("default", 10, Duration.ofMinutes(1));

    private void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void aBurstOfTheLimitThenExactRetryTimes() {
        InMemoryStore store = new InMemoryStore(100, clock);
        for (int i = 0; i < 10; i++) {
            Decision d = store.acquire("k", tenPerMinute);
            assertThat(d.allowed()).as("request " + i).isTrue();
            assertThat(d.remaining()).isEqualTo(9 - i);
        }
        Decision refused = store.acquire("k", tenPerMinute);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterNanos()).isEqualTo(Duration.ofSeconds(6).toNanos());
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
        assertThat(refused.resetSeconds()).isEqualTo(60);
        advance(Duration.ofMillis(5_999));
        assertThat(store.acquire("k", tenPerMinute).allowed()).isFalse();
        advance(Duration.ofMillis(1));
        Decision again = store.acquire("k", tenPerMinute);
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isZero();
        assertThat(store.acquire("k", tenPerMinute).allowed()).isFalse();
        advance(Duration.ofMinutes(1));
        assertThat(store.acquire("k", tenPerMinute).remaining()).isEqualTo(9);
    }

    @Test
    void keysAreIndependent() {
        InMemoryStore store = new InMemoryStore(100, clock);
        for (int i = 0; i < 10; i++) {
            store.acquire("a", tenPerMinute);
        }
        assertThat(store.acquire("a", tenPerMinute).allowed()).isFalse();
        assertThat(store.acquire("b", tenPerMinute).allowed()).isTrue();
    }

    @Test
    void aKeyFloodCannotGrowMemoryNorFreeALimitedKey() {
        InMemoryStore store = new InMemoryStore(1_000, clock);
        for (int i = 0; i < 10; i++) {
            store.acquire("hot", tenPerMinute);
        }
        assertThat(store.acquire("hot", tenPerMinute).allowed()).isFalse();
        int allowedFromFlood = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (store.acquire("ip-" + i, tenPerMinute).allowed()) {
                allowedFromFlood++;
            }
            if (i % 100_000 == 0) {
                advance(Duration.ofMillis(150));
            }
        }
        assertThat(store.size()).isLessThanOrEqualTo(1_000);
        assertThat(store.acquire("hot", tenPerMinute).allowed()).as("still limited").isFalse();
        // the first 999 fresh keys got their own quota; all the others shared one overflow quota
        assertThat(allowedFromFlood).isLessThan(999 * 10 + 10 + 10 * 10);
        advance(Duration.ofMinutes(2));
        assertThat(store.acquire("hot", tenPerMinute).allowed()).isTrue();
    }

    @Test
    void replenishedKeysMakeRoomForNewOnes() {
        InMemoryStore store = new InMemoryStore(10, clock);
        for (int i = 0; i < 10; i++) {
            store.acquire("old-" + i, tenPerMinute);
        }
        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 10; j++) {
                assertThat(store.acquire("new-" + i, tenPerMinute).allowed()).isTrue();
            }
            assertThat(store.acquire("new-" + i, tenPerMinute).allowed()).as("each new key has its own quota")
                    .isFalse();
        }
        assertThat(store.size()).isEqualTo(10);
    }

    @Test
    void exactlyTheLimitPassesUnderContention() throws Exception {
        InMemoryStore store = new InMemoryStore(100, clock);
        RatePolicy thousand = new RatePolicy("default", 1_000, Duration.ofHours(1));
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 1_000; i++) {
                    if (store.acquire("shared", thousand).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(allowed.get()).isEqualTo(1_000);
    }

    @Test
    void policiesParseFromConfigText() {
        assertThat(RatePolicy.parse("p", "100/1m")).isEqualTo(new RatePolicy("p", 100, Duration.ofMinutes(1)));
        assertThat(RatePolicy.parse("p", "10/s")).isEqualTo(new RatePolicy("p", 10, Duration.ofSeconds(1)));
        assertThat(RatePolicy.parse("p", "5 / 2h")).isEqualTo(new RatePolicy("p", 5, Duration.ofHours(2)));
        for (String bad : new String[] {"", "100", "/1m", "100/0m", "100/1w", "-1/1m", "1e3/1m"}) {
            assertThat(RatePolicy.parse("p", bad)).as(bad).isNull();
        }
    }

    @Test
    void peekingAnswersLikeAcquireButCountsAndStoresNothing() {
        InMemoryStore store = new InMemoryStore(100, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(store.peek("k" + i, tenPerMinute).allowed()).isTrue();
        }
        assertThat(store.size()).as("peeking creates no key").isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(store.peek("k", tenPerMinute).remaining()).isEqualTo(9 - i);
            store.acquire("k", tenPerMinute);
        }
        Decision spent = store.peek("k", tenPerMinute);
        assertThat(spent.allowed()).isFalse();
        assertThat(spent.retryAfterSeconds()).isEqualTo(6);
        assertThat(store.peek("k", tenPerMinute).retryAfterSeconds()).as("peeking does not move the state")
                .isEqualTo(6);
        advance(Duration.ofSeconds(6));
        assertThat(store.peek("k", tenPerMinute).allowed()).isTrue();
    }

    @Test
    void aFullStorePeeksAtTheOverflowStateNewKeysWouldShare() {
        InMemoryStore store = new InMemoryStore(100, clock);
        for (int i = 0; i < 100; i++) {
            store.acquire("held" + i, tenPerMinute);
        }
        for (int i = 0; i < 10; i++) {
            store.acquire("fresh" + i, tenPerMinute); // each lands in the shared overflow state
        }
        assertThat(store.peek("another-fresh-key", tenPerMinute).allowed()).isFalse();
        assertThat(store.peek("held0", tenPerMinute).allowed()).as("a key in the store keeps its own state")
                .isTrue();
    }
}
