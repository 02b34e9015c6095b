package dev.bulwark.internal.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.controls.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void countsPerWindowOrOff() throws Exception {
        assertThat(Threshold.parse("20/1m")).isEqualTo(new Threshold(20, Duration.ofMinutes(1)));
        assertThat(Threshold.parse("5 / 10m")).isEqualTo(new Threshold(5, Duration.ofMinutes(10)));
        assertThat(Threshold.parse("100/500ms").window()).isEqualTo(Duration.ofMillis(500));
        assertThat(Threshold.parse("OFF").off()).isTrue();
    }

    @Test
    void nonsenseIsRefused() {
        for (String bad : new String[] {"20", "/1m", "1/1m", "x/1m", "20/1y", "20/0s", "20/2d", "20/m",
                "200000/1m"}) {
            assertThatThrownBy(() -> Threshold.parse(bad)).as(bad).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void aBadThresholdFailsTheDeploymentNamingTheKey() {
        var r = ConfigLoader.load(k -> Optional.ofNullable(Map.of("bulwark.alerts.token.addresses", "many").get(k)));
        assertThat(r.problems()).singleElement().asString().contains("bulwark.alerts.token.addresses");
    }
}
