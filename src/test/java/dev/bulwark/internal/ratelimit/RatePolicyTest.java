package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.config.TestConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rates as written in annotations and settings; a window the limiter cannot compute with is refused, never a 500. */
class RatePolicyTest {

    @Test
    void theUsualFormsParse() {
        assertThat(RatePolicy.parse("p", "100/1m")).isEqualTo(new RatePolicy("p", 100, Duration.ofMinutes(1)));
        assertThat(RatePolicy.parse("p", "10/s").window()).isEqualTo(Duration.ofSeconds(1));
        assertThat(RatePolicy.parse("p", "1/36500d").emissionIntervalNanos()).isPositive();
        assertThat(RatePolicy.parse("p", "ten a minute")).isNull();
    }

    @Test
    void aWindowBeyondTheLimitersArithmeticIsRefusedAsNoRate() {
        assertThatThrownBy(() -> RatePolicy.parse("p", "1/200000d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000 days");
        var loaded = TestConfig.load(Map.of("bulwark.ratelimit.anonymous", "1/200000d"));
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("bulwark.ratelimit.anonymous");
            assertThat(p.problem()).contains("not a rate");
        });
    }

    @Test
    void aRateAllowsMoreThanAnotherByALargerBurstOrAFasterPace() {
        RatePolicy baseline = RatePolicy.parse("b", "100/1m");
        assertThat(RatePolicy.parse("s", "50/1m").allowsMoreThan(baseline)).isFalse();
        assertThat(RatePolicy.parse("s", "1/1s").allowsMoreThan(baseline)).as("60 a minute, burst 1").isFalse();
        assertThat(RatePolicy.parse("s", "100/60s").allowsMoreThan(baseline)).as("the same rate").isFalse();
        assertThat(RatePolicy.parse("s", "101/1m").allowsMoreThan(baseline)).isTrue();
        assertThat(RatePolicy.parse("s", "100/59s").allowsMoreThan(baseline)).isTrue();
        assertThat(RatePolicy.parse("s", "1000/1h").allowsMoreThan(baseline)).as("a bigger burst").isTrue();
    }
}
