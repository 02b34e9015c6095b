package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PublishedKeysTest {

    private final MutableClock clock = MutableClock.atEpochSecond(1000);
    private final AtomicReference<String> jwks = new AtomicReference<>(set("k1"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final PublishedKeys keys = new PublishedKeys(() -> {
        fetches.incrementAndGet();
        String v = jwks.get();
        if (v == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("identity provider down"));
        }
        return CompletableFuture.completedFuture(v);
    }, Duration.ofMinutes(5), Duration.ofSeconds(30), clock);

    private static String set(String... kids) {
        StringBuilder s = new StringBuilder("{\"keys\":[{\"kid\":\"enc\",\"use\":\"enc\",\"kty\":\"RSA\"}");
        for (String k : kids) {
            s.append(",{\"kid\":\"").append(k).append("\",\"use\":\"sig\",\"kty\":\"RSA\"}");
        }
        return s.append("]}").toString();
    }

    private void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void publishedKeysPassAndTheSetIsCachedUntilItsMaxAge() {
        assertThat(keys.isPublished("k1")).isTrue();
        assertThat(keys.isPublished("k1")).isTrue();
        assertThat(fetches.get()).isEqualTo(1);
        assertThat(keys.isPublished("enc")).as("encryption keys do not sign").isFalse();
        jwks.set(set("k2"));
        advance(299);
        assertThat(keys.isPublished("k1")).as("still within max-age").isTrue();
        advance(1);
        assertThat(keys.isPublished("k1")).as("removed, and max-age passed").isFalse();
        assertThat(keys.isPublished("k2")).isTrue();
    }

    @Test
    void anUnknownKeyTriggersARefetchAtMostOncePerCooldown() {
        assertThat(keys.isPublished("k1")).isTrue();
        jwks.set(set("k1", "k2"));
        advance(1);
        assertThat(keys.isPublished("k2")).as("first unknown kid: refetched at once").isTrue();
        assertThat(fetches.get()).isEqualTo(2);
        jwks.set(set("k1", "k2", "k3"));
        advance(1);
        assertThat(keys.isPublished("k3")).as("within the cooldown: no refetch").isFalse();
        assertThat(keys.isPublished("nope")).isFalse();
        assertThat(fetches.get()).isEqualTo(2);
        advance(30);
        assertThat(keys.isPublished("k3")).isTrue();
    }

    @Test
    void failuresKeepTheLastKnownSetAndNoSetMeansRefusal() {
        jwks.set(null);
        assertThat(keys.isPublished("k1")).as("never fetched: fail closed").isFalse();
        jwks.set(set("k1"));
        advance(30);
        assertThat(keys.isPublished("k1")).isTrue();
        jwks.set(null);
        advance(600);
        int before = fetches.get();
        assertThat(keys.isPublished("k1")).as("provider down: last known set").isTrue();
        assertThat(keys.isPublished("k1")).isTrue();
        assertThat(keys.isPublished("unknown")).isFalse();
        assertThat(fetches.get()).as("one failed attempt, then a pause").isEqualTo(before + 1);
        assertThat(keys.isPublished(null)).isFalse();
    }

    /**
     * A fetcher whose first fetch answers at once and whose later fetches block on a latch (a slow identity
     * provider), on threads of their own, as the HTTP client's are.
     */
    private static final class SlowProvider implements Supplier<CompletableFuture<String>> {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger fetches = new AtomicInteger();
        final List<CompletableFuture<String>> started = new CopyOnWriteArrayList<>();
        private final ExecutorService io;
        private final String first;
        private final String later;

        SlowProvider(ExecutorService io, String first, String later) {
            this.io = io;
            this.first = first;
            this.later = later;
        }

        @Override
        public CompletableFuture<String> get() {
            if (fetches.incrementAndGet() == 1) {
                return CompletableFuture.completedFuture(first);
            }
            CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return later;
            }, io);
            started.add(f);
            return f;
        }
    }

    @Test
    void aKnownKidIsAnsweredAtOnceWhileARefreshIsInFlight() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        try {
            SlowProvider provider = new SlowProvider(io, set("k1"), set("k2"));
            PublishedKeys slow = new PublishedKeys(provider, Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ZERO, clock);
            assertThat(slow.isPublished("k1")).isTrue();
            advance(300);
            // the set is stale: this check starts the refresh, which blocks, and is answered from the current set
            assertThat(slow.isPublished("k1")).isTrue();
            assertThat(provider.fetches.get()).isEqualTo(2);
            assertThat(provider.started.get(0)).as("the refresh is still in flight").isNotDone();
            for (int i = 0; i < 100; i++) {
                assertThat(slow.isPublished("k1")).isTrue();
            }
            assertThat(slow.isPublished("k2")).as("an unknown kid waits at most its bound (zero here)").isFalse();
            assertThat(provider.fetches.get()).as("one fetch in flight at a time").isEqualTo(2);
            CompletableFuture<?> refresh = slow.refreshInFlight();
            provider.release.countDown();
            refresh.get();
            assertThat(slow.isPublished("k1")).as("removed by the refresh").isFalse();
            assertThat(slow.isPublished("k2")).isTrue();
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void anUnknownKidWaitsForTheRefreshThatPublishesIt() throws Exception {
        ExecutorService io = Executors.newSingleThreadExecutor();
        List<Thread> checkers = new CopyOnWriteArrayList<>();
        ExecutorService requests = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r);
            checkers.add(t);
            return t;
        });
        try {
            SlowProvider provider = new SlowProvider(io, set("k1"), set("k1", "k2"));
            PublishedKeys slow = new PublishedKeys(provider, Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ofMinutes(1), clock);
            assertThat(slow.isPublished("k1")).isTrue();
            advance(1);
            Future<Boolean> unknown = requests.submit(() -> slow.isPublished("k2"));
            // the check is parked on the refresh it started; a known kid meanwhile is answered at once
            while (provider.started.isEmpty() || checkers.get(0).getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            assertThat(requests.submit(() -> slow.isPublished("k1")).get()).isTrue();
            assertThat(unknown).isNotDone();
            provider.release.countDown();
            assertThat(unknown.get()).as("published by the refresh it waited for").isTrue();
            assertThat(provider.fetches.get()).isEqualTo(2);
        } finally {
            requests.shutdownNow();
            io.shutdownNow();
        }
    }
}
