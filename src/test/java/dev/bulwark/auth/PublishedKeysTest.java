package dev.bulwark.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.MutableClock;
import java.time.Duration;
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
            throw new IllegalStateException("identity provider down");
        }
        return v;
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
}
