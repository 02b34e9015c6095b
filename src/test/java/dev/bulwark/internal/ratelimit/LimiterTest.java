package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.RateLimit;
import dev.bulwark.internal.errors.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimiterTest {

    private static final RatePolicy TWO = new RatePolicy("default", 2, Duration.ofMinutes(1));

    private static Limiter.Facts facts(String ip, String subject, Map<String, String> headers) {
        return new Limiter.Facts(ip, subject, headers::get);
    }

    @Test
    void answersWithFieldsThenRefusesWith429() {
        Limiter limiter = new Limiter(new InMemoryStore(100, Clock.systemUTC()), noMetrics(), "X-API-Key");
        List<Limit> limits = List.of(new Limit(TWO, RateLimit.Key.IP, "E#m"));
        Map<String, String> fields = limiter.check(limits, facts("10.0.0.1", null, Map.of()));
        assertThat(fields).containsEntry("RateLimit-Policy", "\"default\";q=2;w=60")
                .containsEntry("RateLimit", "\"default\";r=1;t=30");
        limiter.check(limits, facts("10.0.0.1", null, Map.of()));
        assertThatThrownBy(() -> limiter.check(limits, facts("10.0.0.1", null, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "30").containsKey("RateLimit");
                });
        // another address, another count; a principal's count follows the subject, not the address
        limiter.check(limits, facts("10.0.0.2", null, Map.of()));
        List<Limit> perSubject = List.of(new Limit(TWO, RateLimit.Key.PRINCIPAL, "E#p"));
        limiter.check(perSubject, facts("10.0.0.3", "alice", Map.of()));
        limiter.check(perSubject, facts("10.0.0.4", "alice", Map.of()));
        assertThatThrownBy(() -> limiter.check(perSubject, facts("10.0.0.5", "alice", Map.of())))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aRejectingFallbackMeans503NotACount() {
        FallbackStore reject = rejectingWhileDown();
        Limiter limiter = new Limiter(reject, noMetrics(), "X-API-Key");
        assertThatThrownBy(() -> limiter.check(List.of(new Limit(TWO, RateLimit.Key.IP, "E#m")),
                facts("10.0.0.1", null, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.headers()).containsEntry("Retry-After", "1");
                });
    }

    @Test
    void apiKeysAreDigested() {
        Limiter limiter = new Limiter(new InMemoryStore(100, Clock.systemUTC()), noMetrics(), "X-API-Key");
        List<Limit> limits = List.of(new Limit(TWO, RateLimit.Key.API_KEY, "E#k"));
        limiter.check(limits, facts("10.0.0.1", null, Map.of("X-API-Key", "k1")));
        limiter.check(limits, facts("10.0.0.2", null, Map.of("X-API-Key", "k1")));
        assertThatThrownBy(() -> limiter.check(limits, facts("10.0.0.3", null, Map.of("X-API-Key", "k1"))))
                .isInstanceOf(ProblemException.class).hasMessageNotContaining("k1");
        limiter.check(limits, facts("10.0.0.1", null, Map.of("X-API-Key", "k2")));
    }

    @Test
    void requireRemainingRefusesASpentLimitWithoutCountingAndChargeCountsWithoutRefusing() {
        Limiter limiter = new Limiter(new InMemoryStore(100, Clock.systemUTC()), noMetrics(), "X-API-Key");
        Limit refused = new Limit(new RatePolicy("refused", 2, Duration.ofMinutes(1)), RateLimit.Key.IP, "refused");
        for (int i = 0; i < 10; i++) {
            limiter.requireRemaining(refused, facts("10.0.0.1", null, Map.of()));
        }
        limiter.charge(refused, facts("10.0.0.1", null, Map.of()));
        limiter.charge(refused, facts("10.0.0.1", null, Map.of()));
        limiter.charge(refused, facts("10.0.0.1", null, Map.of())); // over the limit: counted, never thrown
        assertThatThrownBy(() -> limiter.requireRemaining(refused, facts("10.0.0.1", null, Map.of())))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsEntry("Retry-After", "30")
                            .containsEntry("RateLimit-Policy", "\"refused\";q=2;w=60")
                            .containsEntry("RateLimit", "\"refused\";r=0;t=30");
                });
        limiter.requireRemaining(refused, facts("10.0.0.2", null, Map.of()));
    }

    @Test
    void aRejectingFallbackDoesNotTurnTheRefusalGateIntoAnOutage() {
        FallbackStore reject = rejectingWhileDown();
        Limiter limiter = new Limiter(reject, noMetrics(), "X-API-Key");
        Limit refused = new Limit(TWO, RateLimit.Key.IP, "refused");
        limiter.charge(refused, facts("10.0.0.1", null, Map.of()));
        limiter.requireRemaining(refused, facts("10.0.0.1", null, Map.of()));
    }

    /** A shared store that is down behind a fallback that answers 503 meanwhile. */
    private static FallbackStore rejectingWhileDown() {
        RateLimitStore down = (key, policy, count) -> {
            throw new IllegalStateException("down");
        };
        return new FallbackStore(() -> down, new InMemoryStore(100, Clock.systemUTC()), FallbackStore.Mode.REJECT,
                Duration.ofSeconds(1), Clock.systemUTC());
    }

    private static RateLimitMetrics noMetrics() {
        return RateLimitMetrics.none();
    }
}
