package dev.bulwark.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.MutableClock;
import dev.bulwark.errors.ProblemException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefusalBudgetTest {

    private final MutableClock clock = MutableClock.atEpochSecond(2_000_000);
    private final Limiter limiter = new Limiter(new InMemoryStore(1000, clock), RateLimitMetrics.create(), "X-API-Key");
    private final RefusalBudget budget = new RefusalBudget(() -> limiter, "5/1m");

    @Test
    void anAddressIsRefusedOnceItsRefusalsSpendTheBudgetAndRecoversOnTime() {
        for (int i = 0; i < 5; i++) {
            budget.admit("203.0.113.7");
            budget.charge("203.0.113.7");
        }
        assertThatThrownBy(() -> budget.admit("203.0.113.7")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.headers()).containsEntry("Retry-After", "12")
                    .containsEntry("RateLimit-Policy", "\"refused\";q=5;w=60")
                    .containsEntry("RateLimit", "\"refused\";r=0;t=12");
        });
        // answered 429 again and again: admitting counts nothing, so the wait does not grow
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> budget.admit("203.0.113.7")).isInstanceOf(ProblemException.class);
        }
        // another address is not affected
        assertThatCode(() -> budget.admit("203.0.113.8")).doesNotThrowAnyException();
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> budget.admit("203.0.113.7")).isInstanceOf(ProblemException.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> budget.admit("203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    void requestsThatAreNotRefusedCostNothing() {
        for (int i = 0; i < 1000; i++) {
            budget.admit("198.51.100.1");
        }
        assertThatCode(() -> budget.admit("198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void anApplicationThatIsStoppingLetsItsLastRequestsThrough() {
        RefusalBudget stopping = new RefusalBudget(() -> {
            throw new IllegalStateException("Bulwark: the application is stopping");
        }, "1/1m");
        stopping.charge("203.0.113.9");
        stopping.charge("203.0.113.9");
        assertThatCode(() -> stopping.admit("203.0.113.9")).doesNotThrowAnyException();
    }

    @Test
    void refusalsAreTheRefusingStatusesAndOnlyBulwarksOwn404() {
        for (int status : new int[] {400, 401, 403, 405, 411, 413, 414, 415, 431}) {
            assertThat(RefusalBudget.isRefusal(status, false)).as("%s", status).isTrue();
        }
        assertThat(RefusalBudget.isRefusal(404, true)).as("the 404 of an ownership refusal").isTrue();
        for (int status : new int[] {200, 201, 204, 301, 304, 404, 406, 409, 429, 500, 503}) {
            assertThat(RefusalBudget.isRefusal(status, false)).as("%s", status).isFalse();
        }
    }
}
