package dev.bulwark.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class MetricsAvailabilityTest {

    @Test
    void theApiIsSeenWhereItIsOnTheClassPathAndNotWhereItIsNot() {
        assertThat(MetricsAvailability.apiPresent(getClass().getClassLoader())).isTrue();
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(MetricsAvailability.apiPresent(bare)).isFalse();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutTheApiRateLimitingSaysOnceThatItsCountersAreNotPublished() {
        assertThat(MetricsAvailability.startupNotice("/it", true, false)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Bulwark rate limiting for /it: this server has no MicroProfile Metrics API")
                .contains("bulwark_ratelimit_decisions_total").contains("bulwark_ratelimit_store_errors_total")
                .contains("not published"));
        assertThat(MetricsAvailability.startupNotice("", true, false)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Bulwark rate limiting for /: "));
    }

    @Test
    void nothingToSayWithTheApiOrWithoutRateLimiting() {
        assertThat(MetricsAvailability.startupNotice("/it", true, true)).isEmpty();
        assertThat(MetricsAvailability.startupNotice("/it", false, false)).isEmpty();
    }
}
