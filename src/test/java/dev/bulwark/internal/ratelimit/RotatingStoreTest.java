package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RotatingStoreTest {

    /** A store per URL that records its connections and closes. */
    private final List<String> connected = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final AtomicReference<String> url = new AtomicReference<>("redis://:old@127.0.0.1:6379");
    private final MutableClock clock = MutableClock.atEpochSecond(1_000_000);

    private RateLimitStore connect(String u) {
        if (u.contains("down")) {
            throw new IllegalStateException("connection refused");
        }
        connected.add(u);
        InMemoryStore memory = new InMemoryStore(100, clock);
        return new RateLimitStore() {
            @Override
            public Decision decide(String key, RatePolicy policy, boolean count) {
                return memory.decide(key, policy, count);
            }

            @Override
            public void close() {
                closed.add(u);
            }
        };
    }

    @Test
    void aChangedUrlConnectsAgainAndClosesTheOldConnection() {
        RotatingStore store = new RotatingStore(url::get, this::connect);
        RatePolicy policy = new RatePolicy("default", 10, Duration.ofMinutes(1));
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(connected).containsExactly("redis://:old@127.0.0.1:6379");
        url.set("redis://:new@127.0.0.1:6379");
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(connected).containsExactly("redis://:old@127.0.0.1:6379", "redis://:new@127.0.0.1:6379");
        assertThat(closed).containsExactly("redis://:old@127.0.0.1:6379");
        store.close();
        assertThat(closed).containsExactly("redis://:old@127.0.0.1:6379", "redis://:new@127.0.0.1:6379");
    }

    @Test
    void aNewUrlThatCannotConnectThrowsAndIsTriedAgainWhileTheOldConnectionStays() {
        RotatingStore store = new RotatingStore(url::get, this::connect);
        RatePolicy policy = new RatePolicy("default", 10, Duration.ofMinutes(1));
        url.set("redis://:new@down:6379");
        assertThatThrownBy(() -> store.acquire("k", policy)).isInstanceOf(IllegalStateException.class);
        assertThat(closed).isEmpty();
        url.set("redis://:new@127.0.0.1:6379");
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(closed).containsExactly("redis://:old@127.0.0.1:6379");
    }

    @Test
    void behindTheFallbackARotationFailureCountsLocally() {
        RotatingStore rotating = new RotatingStore(url::get, this::connect);
        FallbackStore store = new FallbackStore(() -> rotating, new InMemoryStore(100, clock),
                FallbackStore.Mode.LOCAL, Duration.ofSeconds(1), clock);
        RatePolicy policy = new RatePolicy("default", 10, Duration.ofMinutes(1));
        url.set("redis://:new@down:6379");
        assertThat(store.acquire("k", policy).allowed()).as("counted locally").isTrue();
        url.set("redis://:new@127.0.0.1:6379");
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.acquire("k", policy).allowed()).isTrue();
        assertThat(connected).last().isEqualTo("redis://:new@127.0.0.1:6379");
    }
}
